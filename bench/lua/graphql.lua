-- wrk script for the GraphQL scenarios. Chosen by the environment:
--   BENCH_SCENARIO  byNumber | byNumberHot | invoices | invoicesWithLines | verify | diagnose | issue | mix
--                   | statisticsMonth | statisticsYear | vatSummary (reports of organisation 1, the large taxpayer)
--                   | any query scenario + "Persisted" (byNumberPersisted, invoicesPersisted: GET by hash)
--   BENCH_DATA      directory with keys.tsv, orgs.tsv, tokens.tsv, issuer_tokens.tsv (written by run.sh)
-- Every request picks its key at random from the whole key file. A response counts as an
-- error when it is not HTTP 200 or when its body holds a GraphQL "errors" entry.

local scenario = os.getenv("BENCH_SCENARIO") or "byNumber"
local data = os.getenv("BENCH_DATA") or "."

local Q_BY_NUMBER = "query InvoiceByNumber($number: String!) { invoiceByNumber(number: $number) { id generation code number type { code } issueDate seller { taxId name addressPhone bankAccount } buyer { taxId name addressPhone bankAccount } amount tax total totalInWords status direction originalInvoiceId redReason redConfirmationNumber remainingAmount source usedAt lines { lineNo itemName quantity unitPrice amount taxRate tax remainingAmount } statusHistory { fromStatus toStatus changedBy reason } } }"
local Q_INVOICES = "query Invoices($filter: InvoiceFilter, $first: Int) { invoices(filter: $filter, first: $first) { edges { cursor node { id number issueDate total status direction source seller { taxId name } buyer { taxId name } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }"
-- The same page as a reconciliation screen shows it: every invoice with its lines and history.
local Q_INVOICES_WITH_LINES = "query InvoicesWithLines($filter: InvoiceFilter, $first: Int) { invoices(filter: $filter, first: $first) { edges { cursor node { id number issueDate total status seller { taxId name } buyer { taxId name } lines { lineNo itemName amount taxRate tax } statusHistory { toStatus changedAt } } } pageInfo { hasNextPage endCursor } totalCount } }"
local Q_VERIFY = "mutation Verify($input: VerifyInvoiceInput!) { verifyInvoice(input: $input) { outcome clean mismatchedFields warnings { code message } problems { field code message } verificationsLeftToday invoice { type { code } code number issueDate seller { taxId name } buyer { taxId name } amount tax total status direction } } }"
local Q_DIAGNOSE = "query Diagnose($input: DiagnoseInvoiceInput!) { diagnoseInvoice(input: $input) { findings { code severity field messageZh messageEn nextStepZh nextStepEn } nearMatches { kind position differences invoice { id number code issueDate } } ticketDraft { category subject description } } }"
local Q_ISSUE = "mutation IssueInvoice($input: IssueInvoiceInput!) { issueInvoice(input: $input) { id number issueDate amount tax total totalInWords status lines { lineNo amount tax } } }"

-- Reports as an accountant of the large taxpayer (organisation 1) asks for them.
local Q_STATISTICS = "query Statistics($input: InvoiceStatisticsInput!) { invoiceStatistics(input: $input) { period { from to } rows { status taxRate count amount tax total } totals { count amount tax total } } }"
local Q_VAT_SUMMARY = "query VatSummary($year: Int!, $month: Int!) { vatSummary(year: $year, month: $month) { period { from to } outputTax outputTaxSpecial outputTaxOther outputTaxByRate { rate amount tax } inputTax creditBroughtForward transferredOut transferredOutRedReversed transferredOutFlagged payable creditCarriedForward statutoryDueDate filingDueDate } }"
local BIG = "1"

local function split(line)
  local fields = {}
  for field in (line .. "\t"):gmatch("([^\t]*)\t") do fields[#fields + 1] = field end
  return fields
end

local function readTsv(name)
  local rows = {}
  local f = io.open(data .. "/" .. name, "r")
  if not f then return rows end
  for line in f:lines() do rows[#rows + 1] = split(line) end
  f:close()
  return rows
end

local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

local keys, orgs, tokens, issuers, readerOrgs
errors, firstError = 0, ""   -- globals: done() reads them with thread:get
local requestSeq = 0

function init(args)
  local seed = os.time() * 1000 + (tonumber(tostring({}):match("0x(%x+)") or "0", 16) or 0) % 1000003 + (id or 0) * 7919
  math.randomseed(seed)
  keys = readTsv("keys.tsv")            -- number, seller org id, issue date, total
  orgs = readTsv("orgs.tsv")            -- org id, uscc, name
  tokens, readerOrgs, issuers = {}, {}, {}
  for _, r in ipairs(readTsv("tokens.tsv")) do
    tokens[r[1]] = "Bearer " .. r[2]
    readerOrgs[#readerOrgs + 1] = r[1]
  end
  for _, r in ipairs(readTsv("issuer_tokens.tsv")) do issuers[#issuers + 1] = "Bearer " .. r[2] end
  errors, firstError = 0, ""
end

-- A scenario named <scenario>Persisted sends the same operations as an Apollo client with automatic
-- persisted queries: GET /graphql with the variables and the document's SHA-256 in `extensions`, no
-- document. Like that client, each thread sends the document with its hash once (a POST the server
-- stores it from), and again after an answer PERSISTED_QUERY_NOT_FOUND. run.sh writes persisted.tsv
-- (each document of this file, its hash): LuaJIT has no SHA-256.
local persisted = scenario:match("Persisted$") ~= nil
if persisted then scenario = scenario:gsub("Persisted$", "") end
local hashes, registered, resend = nil, {}, false

local function urlEncode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function sendPersisted(token, query, variables)
  if not hashes then
    hashes = {}
    for _, r in ipairs(readTsv("persisted.tsv")) do hashes[r[1]] = r[2] end
  end
  local hash = hashes[query] or error("no hash in persisted.tsv for " .. query:sub(1, 40))
  local extensions = '{"persistedQuery":{"version":1,"sha256Hash":"' .. hash .. '"}}'
  if resend or not registered[query] then
    registered[query], resend = true, false
    return wrk.format("POST", "/graphql", { ["Content-Type"] = "application/json", ["Authorization"] = token },
      '{"query":"' .. query .. '","variables":' .. variables .. ',"extensions":' .. extensions .. '}')
  end
  return wrk.format("GET", "/graphql?variables=" .. urlEncode(variables) .. "&extensions=" .. urlEncode(extensions),
    { ["Authorization"] = token })
end

local function post(token, query, variables)
  if persisted then return sendPersisted(token, query, variables) end
  return wrk.format("POST", "/graphql",
    { ["Content-Type"] = "application/json", ["Authorization"] = token },
    '{"query":"' .. query .. '","variables":' .. variables .. '}')
end

local function randomKey() return keys[math.random(#keys)] end

local function byNumber()
  local k = randomKey()
  return post(tokens[k[2]], Q_BY_NUMBER, '{"number":"' .. k[1] .. '"}')
end

-- A desk's working set: most lookups ask for a few invoices again and again (the first
-- BENCH_HOT_KEYS of the key file, itself a random sample), the rest for any invoice.
local hotKeys = tonumber(os.getenv("BENCH_HOT_KEYS") or "1000")
local hotShare = tonumber(os.getenv("BENCH_HOT_SHARE") or "0.9")

local function byNumberHot()
  local k = math.random() < hotShare and keys[math.random(math.min(hotKeys, #keys))] or randomKey()
  return post(tokens[k[2]], Q_BY_NUMBER, '{"number":"' .. k[1] .. '"}')
end

local DAY = 86400
local function isoDate(t) return os.date("!%Y-%m-%d", t) end

-- The date window is sized to the data set so that the filter matches about as many invoices
-- (~80 per organisation, a full first page) at every size: 90 days at 1,000,000 rows, the whole
-- 3 years at 100,000. "Flat" then means what it should: the same answer costs the same, however
-- large the table around it is.
local dataRows = tonumber(os.getenv("BENCH_DATA_ROWS") or "1000000")
local windowDays = math.min(3 * 365 - 30, math.floor(90 * 1000000 / dataRows))

-- One organisation's NORMAL invoices issued within a random window of windowDays in the last 3 years.
local function page(query)
  local org = readerOrgs[math.random(#readerOrgs)]
  local now = os.time()
  local from = now - math.random(windowDays + 1, 3 * 365) * DAY
  local to = from + windowDays * DAY
  return post(tokens[org], query,
    '{"first":50,"filter":{"status":["NORMAL"],"issueDateFrom":"' .. isoDate(from) .. '","issueDateTo":"' .. isoDate(to) .. '"}}')
end

local function invoices() return page(Q_INVOICES) end
local function invoicesWithLines() return page(Q_INVOICES_WITH_LINES) end

local function verify()
  local k = randomKey()
  local org = readerOrgs[math.random(#readerOrgs)]   -- anyone may verify any invoice
  return post(tokens[org], Q_VERIFY,
    '{"input":{"number":"' .. k[1] .. '","issueDate":"' .. k[3] .. '","totalIncludingTax":"' .. k[4] .. '"}}')
end

local function diagnose()
  -- The seller looks for its own invoice with one digit mistyped.
  local k = randomKey()
  local number = k[1]
  local pos = math.random(#number)
  local old = tonumber(number:sub(pos, pos))
  local new = (old + math.random(1, 9)) % 10
  local typo = number:sub(1, pos - 1) .. tostring(new) .. number:sub(pos + 1)
  return post(tokens[k[2]], Q_DIAGNOSE, '{"input":{"number":"' .. typo .. '","issueDate":"' .. k[3] .. '"}}')
end

local RATES = { "0.13", "0.09", "0.06", "0.03", "0.01" }
local ITEMS = { "*信息技术服务*软件开发", "*现代服务*咨询服务", "*纸制品*打印纸" }

local function issue()
  local buyer = orgs[math.random(#orgs)]
  local lines = {}
  for i = 1, math.random(1, 3) do
    lines[i] = string.format('{"itemName":"%s","amount":"%d.%02d","taxRate":"%s"}',
      ITEMS[math.random(#ITEMS)], math.random(100, 50000), math.random(0, 99), RATES[math.random(#RATES)])
  end
  requestSeq = requestSeq + 1
  return post(issuers[math.random(#issuers)], Q_ISSUE,
    '{"input":{"kind":"' .. (math.random(2) == 1 and "SPECIAL" or "ORDINARY") .. '","buyer":{"taxId":"' .. buyer[2]
      .. '","name":"' .. buyer[3] .. '","bankAccount":"中国银行北京分行 1234 5678 9012"},"lines":[' .. table.concat(lines, ",") .. ']}}')
end

-- A random month among the 35 complete months of the data set (it spans 36 up to today).
local function pastMonth()
  local t = os.date("!*t")
  local y, m = t.year, t.month - math.random(1, 35)
  while m < 1 do m, y = m + 12, y - 1 end
  return y, m
end

-- Grouped by status and tax rate, as the issue's bench asks; one month, or one of the two complete years.
local function statisticsMonth()
  local y, m = pastMonth()
  return post(tokens[BIG], Q_STATISTICS, string.format(
    '{"input":{"period":{"kind":"MONTH","year":%d,"month":%d},"groupBy":["STATUS","TAX_RATE"]}}', y, m))
end

local function statisticsYear()
  local y = os.date("!*t").year - math.random(1, 2)
  return post(tokens[BIG], Q_STATISTICS, string.format(
    '{"input":{"period":{"kind":"YEAR","year":%d},"groupBy":["STATUS","TAX_RATE"]}}', y))
end

local function vatSummary()
  local y, m = pastMonth()
  return post(tokens[BIG], Q_VAT_SUMMARY, string.format('{"year":%d,"month":%d}', y, m))
end

-- The feedback desk (issue #17). ticketList: the agents' queue, the first page of 50 open tickets
-- (new, acknowledged, in progress, waiting on the submitter), newest first, as a desk agent
-- (agent_tokens.tsv). submitFeedback: an anonymous submission (no token), as a stranger's browser
-- sends it; the anonymous rate limit is off in the bench (configuration, see run.sh).
local Q_TICKET_LIST = "query Tickets($filter: TicketFilter, $first: Int) { tickets(filter: $filter, first: $first) { edges { cursor node { id trackingNumber status category level subject submittedAt firstResponseDue resolutionDue firstRespondedAt breached assignee team rating } } pageInfo { hasNextPage endCursor } } }"
local Q_SUBMIT_FEEDBACK = "mutation Submit($input: SubmitFeedbackInput!) { submitFeedback(input: $input) { trackingNumber accessKey ticket { id status level firstResponseDue } } }"
local agents
local function ticketList()
  if not agents then
    agents = {}
    for _, r in ipairs(readTsv("agent_tokens.tsv")) do agents[#agents + 1] = "Bearer " .. r[2] end
  end
  return post(agents[math.random(#agents)], Q_TICKET_LIST,
    '{"first":50,"filter":{"status":["NEW","ACKNOWLEDGED","IN_PROGRESS","WAITING_ON_SUBMITTER"]}}')
end
local FEEDBACK_CATEGORIES = { "TECHNICAL_PROBLEM", "MISSING_INVOICE", "VERIFICATION_PROBLEM", "POLICY_QUESTION", "COMPLAINT", "SUGGESTION", "OTHER" }
local function submitFeedback()
  requestSeq = requestSeq + 1
  return post(nil, Q_SUBMIT_FEEDBACK, string.format(
    '{"input":{"category":"%s","subject":"发票查验失败 %d","description":"查验时提示信息不一致，请帮忙核实。 request %d","contact":"13800000000"}}',
    FEEDBACK_CATEGORIES[math.random(#FEEDBACK_CATEGORIES)], requestSeq, requestSeq))
end

-- The mix: mostly reads, as an invoice desk would send them.
local MIX = { { 45, byNumber }, { 20, invoices }, { 15, verify }, { 10, diagnose }, { 10, issue } }

local function mix()
  local r = math.random(100)
  for _, entry in ipairs(MIX) do
    if r <= entry[1] then return entry[2]() end
    r = r - entry[1]
  end
  return byNumber()
end

local SCENARIOS = { byNumber = byNumber, byNumberHot = byNumberHot, invoices = invoices, invoicesWithLines = invoicesWithLines, verify = verify, diagnose = diagnose, issue = issue, mix = mix,
                    statisticsMonth = statisticsMonth, statisticsYear = statisticsYear, vatSummary = vatSummary }
SCENARIOS.ticketList, SCENARIOS.submitFeedback = ticketList, submitFeedback
local build = SCENARIOS[scenario] or error("unknown BENCH_SCENARIO " .. scenario)

function request()
  return build()
end

function response(status, headers, body)
  if persisted and body:find("PERSISTED_QUERY_NOT_FOUND", 1, true) then resend = true end
  if status ~= 200 or body:find('"errors"', 1, true) then
    errors = errors + 1
    if firstError == "" then firstError = status .. " " .. body:sub(1, 400) end
  end
end

function done(summary, latency, requests)
  local graphqlErrors, sample = 0, ""
  for _, t in ipairs(threads) do
    graphqlErrors = graphqlErrors + (t:get("errors") or 0)
    local e = t:get("firstError")
    if sample == "" and e and e ~= "" then sample = e end
  end
  local s = summary.errors
  local socketErrors = s.connect + s.read + s.write + s.timeout
  io.write(string.format("BENCH_RESULT requests=%d duration_s=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    graphqlErrors + socketErrors, socketErrors))
  if sample ~= "" then io.write("BENCH_ERROR_SAMPLE " .. sample:gsub("\n", " ") .. "\n") end
end
