echo "scorer: boom" >&2
exit 3
