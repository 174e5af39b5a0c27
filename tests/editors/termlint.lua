-- termlint's language server in Neovim's built-in client (Neovim 0.7 and
-- later): one server per project root, the nearest folder holding a
-- termlint.toml or a .git, attached to each document of a checked type.
local termlint_clients = {}

local function termlint_root(buf)
  local folder = vim.fn.fnamemodify(vim.api.nvim_buf_get_name(buf), ":p:h")
  local config = vim.fn.findfile("termlint.toml", folder .. ";")
  if config ~= "" then
    return vim.fn.fnamemodify(config, ":p:h")
  end
  local git = vim.fn.finddir(".git", folder .. ";")
  if git ~= "" then
    return vim.fn.fnamemodify(git, ":p:h:h")
  end
  return folder
end

vim.api.nvim_create_autocmd("FileType", {
  pattern = { "markdown", "text", "html", "po", "xml", "fluent", "csv", "tsv" },
  callback = function(args)
    local root = termlint_root(args.buf)
    if not termlint_clients[root] then
      termlint_clients[root] = vim.lsp.start_client({
        name = "termlint",
        cmd = { "termlint", "lsp" },
        root_dir = root,
      })
    end
    if termlint_clients[root] then
      vim.lsp.buf_attach_client(args.buf, termlint_clients[root])
    end
  end,
})
