#!/usr/bin/env bash
# Commits a release artefact (scripts/release/assemble.mjs) on the release branch `releases/vMAJOR` of a
# git repository and points the tags `vX.Y.Z` and the moving `vMAJOR` at that commit. Local refs only:
# the release workflow pushes them; test/release/release.test.ts runs this against a scratch repository.
#
# The commit's parents: the previous head of releases/vMAJOR (local branch, else origin's), and the
# tagged source commit when given, so `git log vX.Y.Z` leads back to the sources it was built from.
#
# Usage: scripts/release/commit.sh <repo> <artefact-dir> <X.Y.Z> [<source-commit>]
set -euo pipefail
repo=$1 artefact=$(cd "$2" && pwd) version=$3 source=${4:-}
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then echo "commit.sh: '$version' is not X.Y.Z" >&2; exit 2; fi
major=v${version%%.*}
branch=releases/$major
cd "$repo"

index=$(mktemp)
trap 'rm -f "$index"' EXIT
rm -f "$index"
GIT_INDEX_FILE=$index git --work-tree="$artefact" add --all --force .
tree=$(GIT_INDEX_FILE=$index git write-tree)

parents=()
previous=$(git rev-parse -q --verify "refs/heads/$branch^{commit}" || git rev-parse -q --verify "refs/remotes/origin/$branch^{commit}" || true)
[ -n "$previous" ] && parents+=(-p "$previous")
[ -n "$source" ] && parents+=(-p "$(git rev-parse --verify "$source^{commit}")")
commit=$(git commit-tree "$tree" "${parents[@]}" -m "Release v$version${source:+ (built from $source)}")

git update-ref "refs/heads/$branch" "$commit"
git tag --force "v$version" "$commit" >/dev/null
git tag --force "$major" "$commit" >/dev/null
echo "$commit $branch v$version $major"
