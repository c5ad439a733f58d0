#!/usr/bin/env bash
# Summarises the CPU samples (jdk.ExecutionSample) of a JFR recording with the JDK's `jfr` tool:
#   bench/jfr-top.sh FILE.jfr [TOP]      (TOP rows per table, default 20)
#   JFR_THREADS='^rollcall-http' bench/jfr-top.sh FILE.jfr   (only samples of threads whose name
#                                        matches this awk regex: here the HTTP request threads)
# Prints six tables, each as samples, share of all samples, method (arguments and line numbers
# dropped, so overloads and lines of one method count together):
#   self       the top frame of each sample: where the CPU was spent
#   total      every method on the stack, once per sample: what the time was spent under
#   rollcall   the first dev.rollcall frame from the top: which of our code paths led there
#   rollcall total  every dev.rollcall method on the stack, once per sample: our steps, inclusive
#   package    the top frame's package (its first four name parts): JSON, SQL driver, Jetty, ...
#   threads    samples per thread (numbers in names folded): request threads against background
#              ones such as webhook-sender (always over all threads)
# Stacks are cut at the recording's stack depth (run.sh records with stackdepth=256); a cut stack
# still counts in self, but its outer frames are missing from total and maybe rollcall.
set -euo pipefail
[[ $# -ge 1 && -r $1 ]] || { echo "usage: $0 FILE.jfr [TOP]" >&2; exit 2; }
FILE=$1
TOP=${2:-20}
command -v jfr >/dev/null || { echo "jfr (a JDK tool) is not on the PATH" >&2; exit 2; }

jfr print --events jdk.ExecutionSample --stack-depth 256 "$FILE" | awk -v top="$TOP" -v only="${JFR_THREADS:-}" '
  function method(line) { # "  a.b.C.m(int, String) line: 12" -> "a.b.C.m"
    sub(/^[ \t]+/, "", line); sub(/\(.*$/, "", line); return line
  }
  function pkg(m,   parts, n, i, s) {
    n = split(m, parts, ".")
    s = parts[1]
    for (i = 2; i <= 4 && i < n - 1; i++) s = s "." parts[i]
    return s
  }
  function table(title, counts,   k, n, i, order) {
    printf "\n%s (of %d samples)\n", title, samples
    n = 0
    for (k in counts) order[++n] = k
    # sort by count, descending (insertion sort: the tables are small)
    for (i = 2; i <= n; i++) {
      k = order[i]; j = i - 1
      while (j > 0 && counts[order[j]] < counts[k]) { order[j + 1] = order[j]; j-- }
      order[j + 1] = k
    }
    for (i = 1; i <= n && i <= top; i++)
      printf "%7d %5.1f%%  %s\n", counts[order[i]], 100 * counts[order[i]] / samples, order[i]
  }
  /^jdk.ExecutionSample/ { depth = 0; ours = ""; skip = 0; delete seen; next }
  /^[ \t]*sampledThread = / {
    name = $0; sub(/^[^"]*"/, "", name); sub(/".*$/, "", name)
    folded = name; gsub(/[0-9]+/, "N", folded); threads[folded]++; all++
    if (only != "" && name !~ only) skip = 1
    next
  }
  skip { next }
  /stackTrace = \[/ { instack = 1; next }
  instack && /^[ \t]*\]/ {
    instack = 0
    if (depth > 0) {
      samples++
      if (ours != "") rollcall[ours]++; else rollcall["(no dev.rollcall frame)"]++
    }
    next
  }
  instack {
    if ($0 ~ /^[ \t]*\.\.\.[ \t]*$/) next   # a truncated stack
    m = method($0)
    if (depth == 0) { self[m]++; packages[pkg(m)]++ }
    depth++
    if (!(m in seen)) { seen[m] = 1; total[m]++; if (m ~ /^dev\.rollcall\./) ourtotal[m]++ }
    if (ours == "" && m ~ /^dev\.rollcall\./) ours = m
  }
  END {
    if (!samples) { print "no jdk.ExecutionSample events in this recording"; exit 1 }
    table("self: top frames", self)
    table("total: methods on the stack", total)
    table("rollcall: first dev.rollcall frame from the top", rollcall)
    table("rollcall total: dev.rollcall methods on the stack", ourtotal)
    table("package of the top frame", packages)
    samples = all
    table("threads (all samples)", threads)
  }'
