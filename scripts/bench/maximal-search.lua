-- wrk: every request is a search at its bounds, different each time: 12 words
-- of real job vocabulary, each with two letters swapped (so that every word
-- goes through the typo lookup), every comune of the province, 100 km.
-- Set COMUNI to the comuni's slugs, space-separated.
local words = {
  "magazziniere", "addetto", "operaio", "cameriere", "cuoco", "infermiere",
  "autista", "impiegato", "elettricista", "saldatore", "commesso", "muratore",
  "idraulico", "barista", "pasticcere", "receptionist", "contabile", "carpentiere",
  "manutentore", "educatore", "badante", "giardiniere", "meccanico", "programmatore",
}
local comuni = {}
for slug in string.gmatch(os.getenv("COMUNI") or "", "%S+") do
  comuni[#comuni + 1] = slug
end
math.randomseed(os.time())

local function typo(word)
  local p = math.random(2, #word - 2)
  return word:sub(1, p - 1) .. word:sub(p + 1, p + 1) .. word:sub(p, p) .. word:sub(p + 2)
end

request = function()
  local q = {}
  for i = 1, 12 do
    q[i] = typo(words[math.random(#words)])
  end
  local path = "/api/search_offers?query%5Bq%5D=" .. table.concat(q, "+")
  for i, slug in ipairs(comuni) do
    path = path .. "&query%5Bcomune%5D%5B" .. (i - 1) .. "%5D=" .. slug
  end
  return wrk.format("GET", path .. "&query%5Bkm%5D=100")
end
