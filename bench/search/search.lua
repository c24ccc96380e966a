-- wrk script: GET /api/people?q=… with a signed-in data steward's cookie, cycling through the misspelt queries
-- written by the loader (first column of $QUERIES; the second, the id the query should find, is for check.py).
-- Prints p50/p90/p95/p99 and the count of non-2xx answers, which wrk's own --latency report does not (it has no p95).
local queries = {}
local cookie = os.getenv("COOKIE") or ""
local offset = 0
local counter = 0
local threads = {}

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(os.getenv("QUERIES") or "queries.tsv") do
    queries[#queries + 1] = line:match("^[^\t]+")
  end
  offset = tonumber(wrk.thread:get("offset")) or 0
end

function request()
  counter = counter + 1
  local q = queries[((offset + counter) % #queries) + 1]
  return wrk.format("GET", "/api/people?q=" .. q, { ["Cookie"] = cookie, ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  io.write(string.format("requests %d in %.1f s: %.1f req/s; non-2xx %d, socket errors %d/%d/%d/%d (connect/read/write/timeout)\n",
    summary.requests, s, summary.requests / s, summary.errors.status,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  for _, p in ipairs({ 50, 90, 95, 99 }) do
    io.write(string.format("p%d %.1f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("max %.1f ms, mean %.1f ms\n", latency.max / 1000, latency.mean / 1000))
end
