# A stand-in for score.py, run with --python sh: it shows its arguments
# and the predictions it was given, so tests need no Python.
gold=$1; pred=$3
shift 3
echo "fake scorer: gold $gold, extra args: $*"
for f in "$pred"/*.json; do
  printf '%s %s\n' "$(basename "$f")" "$(head -c 10 "$f")"
done
