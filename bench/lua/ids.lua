-- Loads the account ids listed one per line in BENCH_IDS_FILE.
function load_ids()
  local ids = {}
  for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
    ids[#ids + 1] = line
  end
  return ids
end
