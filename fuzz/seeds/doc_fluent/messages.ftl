# Kirman in a comment is not checked.
kirman-flights = Flights to Kirman
    .title =
        Abu Hudhaifa
        al-Ansari
greeting = Hello { $kirman }, { -kirman } and { "Kirm\u0061n" }
trips = { $kirman ->
    [one] one trip to Kirman
   *[other] { $n } trips
}
