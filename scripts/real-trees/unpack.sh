#!/bin/bash
# unpack.sh <swept>... : unpack the origins.tsv rows of those sweeps (corpus52, sweep58…) from their fetched git
# mirrors into $TREES/<owner+name> at the recorded commit, and log each to $TREES/FETCHED.tsv
# (key, swept, status: ok|partial|missing-commit|fetch-failed|unpack-failed, missing paths separated by " | "). Never substitutes
# another commit. A snapshot lacks files of 4 MiB and more (jars, rpms, tarballs, PDFs): such a tree is unpacked
# without them and logged `partial` with the paths left out (PARTIAL=no logs it unpack-failed and leaves no tree).
# The mirrors are the session `fetch` tool's ($MIRRORS/<owner+name>/repo or repo/.git); fetch them first.
# A tree already logged ok or partial is skipped, so the script can be run again after each batch of fetches.
# Optional: ONLY="owner+name ..." limits it to those keys; MISSING_AS=fetch-failed|skip (default: skip, so that
# a repository not yet fetched is not logged as failed).
set -u
here=$(cd "$(dirname "$0")" && pwd)
trees=${TREES:-/work/try/real-trees}
mirrors=${MIRRORS:-/work/.mirror}
log="$trees/FETCHED.tsv"
mkdir -p "$trees"
[ -f "$log" ] || printf 'key\tswept\tstatus\tmissing\n' >"$log"

record() { # key swept status [missing paths]: replace the key's line, keep the others
  # Under a lock, with a temporary file of this run's own: two runs at once (two sweeps unpacking into one
  # directory) each rewrite the whole log, and without it one could drop the other's line.
  (
    flock 9
    awk -F'\t' -v k="$1" '$1 != k' "$log" >"$log.$$" && printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${4:-}" >>"$log.$$" &&
      mv "$log.$$" "$log"
  ) 9>"$log.lock"
  echo "$1 $3" >&2
}

unpack_partial() { # git commit dir: check out the commit's tree without the blobs the mirror lacks; print them
  local index missing
  index=$(mktemp) && rm -f "$index"
  # ls-tree lists the blobs with their paths; cat-file --batch-check answers "<object> missing" for each one absent
  missing=$(git --git-dir="$1" ls-tree -r "$2" | awk -F'\t' '$1 ~ / blob / { split($1, m, " "); print m[3] "\t" $2 }' |
    sort -t$'\t' -k1,1 | join -t$'\t' - <(git --git-dir="$1" ls-tree -r "$2" | awk '$2 == "blob" { print $3 }' |
      git --git-dir="$1" cat-file --batch-check | awk '$2 == "missing" { print $1 }' | sort -u) | cut -f2 | sort)
  export GIT_INDEX_FILE=$index GIT_WORK_TREE=$3
  git --git-dir="$1" read-tree "$2" &&
    { [ -z "$missing" ] || printf '%s\n' "$missing" | git --git-dir="$1" update-index --force-remove --stdin; } &&
    git --git-dir="$1" checkout-index -a -f --prefix="$3/"
  local rc=$?
  unset GIT_INDEX_FILE GIT_WORK_TREE
  rm -f "$index"
  # Paths may hold spaces (jjodl/cp4i-pot-public's "…/StepZen Talk Tuesday Slides…"): one " | " between them.
  printf '%s' "$missing" | awk 'NR > 1 { printf " | " } { printf "%s", $0 }'
  return $rc
}

for swept in "$@"; do
  tail -n +2 "$here/origins.tsv" | awk -F'\t' -v s="$swept" '$5 == s { print $1 "\t" $2 }' |
    while IFS=$'\t' read -r repo commit; do
      key=${repo/\//+}
      if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $key "* ]]; then continue; fi
      awk -F'\t' -v k="$key" '$1 == k && ($3 == "ok" || $3 == "partial") { f = 1 } END { exit !f }' "$log" && continue
      git="$mirrors/$key/repo"
      [ -d "$git/.git" ] && git="$git/.git"
      if [ ! -f "$git/HEAD" ]; then
        [ "${MISSING_AS:-skip}" = fetch-failed ] && record "$key" "$swept" fetch-failed
        continue
      fi
      if [ "$(git --git-dir="$git" cat-file -t "$commit" 2>/dev/null)" != commit ]; then
        record "$key" "$swept" missing-commit
        continue
      fi
      rm -rf "${trees:?}/$key" && mkdir -p "$trees/$key"
      if git --git-dir="$git" archive "$commit" 2>/dev/null | tar -x -C "$trees/$key" 2>/dev/null &&
        [ "${PIPESTATUS[0]}" = 0 ]; then
        record "$key" "$swept" ok
      else
        rm -rf "${trees:?}/$key" && mkdir -p "$trees/$key"
        if [ "${PARTIAL:-yes}" != no ] && missing=$(unpack_partial "$git" "$commit" "$trees/$key") && [ -n "$missing" ]; then
          record "$key" "$swept" partial "$missing"
        else # a tree missing files for another reason would be linted as if whole: leave none
          rm -rf "${trees:?}/$key"
          record "$key" "$swept" unpack-failed
        fi
      fi
    done
done
