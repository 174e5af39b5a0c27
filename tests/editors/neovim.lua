-- termlint's language server in a real Neovim (headless, its built-in
-- client), run by .ci/editor-test.sh:
--   nvim --headless --clean -c "luafile tests/editors/neovim.lua" -- FILE
-- with `termlint` on PATH. It loads the guide's snippet
-- (tests/editors/termlint.lua, shown in docs/src/editors.md), opens FILE,
-- waits for the diagnostic of its deprecated "Kirman" (after dashes that are
-- three bytes in UTF-8 and one unit in UTF-16, so that the columns must be
-- converted right), checks its check id, message and range, asks for the
-- code actions there, applies the preferred quick fix, checks the buffer's
-- text and that the diagnostic goes away.
-- Any failure or timeout exits non-zero with a message on standard error.

local TIMEOUT = 20000

local function say(text)
  io.stderr:write("neovim: " .. text .. "\n")
end

local function fail(text)
  say("FAIL: " .. text)
  vim.cmd("cquit 1")
end

local function expect(condition, text)
  if not condition then
    error(text, 0)
  end
end

local function run()
  local here = vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h")
  dofile(here .. "/termlint.lua")
  local file = vim.fn.argv(0)
  expect(file ~= "", "no file given")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  say("opened " .. file .. " (filetype " .. vim.bo[buf].filetype .. ")")

  local attached = vim.wait(TIMEOUT, function()
    return #vim.lsp.buf_get_clients(buf) > 0
  end, 50)
  expect(attached, "termlint lsp did not attach to the buffer")
  local client = vim.lsp.buf_get_clients(buf)[next(vim.lsp.buf_get_clients(buf))]
  expect(client.name == "termlint", "the client attached is " .. tostring(client.name))

  local published = vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf) > 0
  end, 50)
  expect(published, "no diagnostics within " .. TIMEOUT .. " ms")
  local diagnostics = vim.diagnostic.get(buf)
  expect(#diagnostics == 1, "expected 1 diagnostic, got " .. #diagnostics)
  local d = diagnostics[1]
  local lsp = (d.user_data and d.user_data.lsp) or {}
  local code = d.code or lsp.code
  say(string.format("diagnostic %s at %d:%d-%d:%d: %s", tostring(code), d.lnum, d.col, d.end_lnum, d.end_col, d.message))
  expect(code == "deprecated", "check id " .. tostring(code))
  expect(d.source == "termlint" or lsp.source == "termlint", "source " .. tostring(d.source))
  expect(d.severity == vim.diagnostic.severity.ERROR, "severity " .. tostring(d.severity))
  expect(d.message:find("Kirman", 1, true) and d.message:find("Kerman", 1, true), "message " .. d.message)
  local line = vim.api.nvim_buf_get_lines(buf, d.lnum, d.lnum + 1, true)[1]
  expect(d.lnum == d.end_lnum and line:sub(d.col + 1, d.end_col) == "Kirman",
    "the range covers " .. line:sub(d.col + 1, d.end_col))

  -- The diagnostic's range as the protocol counts it (Neovim 0.7 keeps
  -- only byte columns).
  local function position(row, col)
    if client.offset_encoding == "utf-8" then
      return { line = row, character = col }
    end
    local text = vim.api.nvim_buf_get_lines(buf, row, row + 1, true)[1]
    local _, utf16 = vim.str_utfindex(text, col)
    return { line = row, character = utf16 }
  end
  local range = { start = position(d.lnum, d.col), ["end"] = position(d.end_lnum, d.end_col) }
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = range,
    context = {
      diagnostics = { { range = range, message = d.message, code = code, source = "termlint", severity = 1 } },
    },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, TIMEOUT)
  expect(responses, "no answer to textDocument/codeAction")
  local fix
  for _, response in pairs(responses) do
    local err = response.err or response.error
    expect(not err, "codeAction error: " .. vim.inspect(err))
    for _, action in ipairs(response.result or {}) do
      say("code action: " .. action.title .. " (" .. tostring(action.kind) .. ")")
      if action.kind == "quickfix" and action.isPreferred then
        fix = action
      end
    end
  end
  expect(fix, "no preferred quick fix")
  vim.lsp.util.apply_workspace_edit(fix.edit, client.offset_encoding or "utf-16")

  local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, true), "\n")
  local want = "# Roads of the south-east\n\nThe old road to Bam — and on to Kerman — runs along the edge of the desert."
  expect(text == want, "the buffer reads:\n" .. text)
  local cleared = vim.wait(TIMEOUT, function()
    return #vim.diagnostic.get(buf) == 0
  end, 50)
  expect(cleared, "the diagnostic stayed after the fix")
  say("the quick fix wrote Kerman and the diagnostic went away")
end

local ok, err = pcall(run)
if not ok then
  fail(tostring(err))
else
  say("all checks passed")
  vim.cmd("qall!")
end
