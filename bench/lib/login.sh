#!/usr/bin/env bash
# Logs users in through the login mutation, 8 at a time.
# usage: login.sh <graphql url> <password> < "org<TAB>username" lines  > "org<TAB>access token" lines
set -euo pipefail
url=$1 password=$2
login_one() {
    local org=$1 user=$2 body token
    body=$(curl -sS --max-time 30 -H 'Content-Type: application/json' "$url" -d \
        "{\"query\":\"mutation(\$u: String!, \$p: String!) { login(username: \$u, password: \$p) { accessToken } }\",\"variables\":{\"u\":\"$user\",\"p\":\"$password\"}}")
    token=$(sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p' <<<"$body")
    if [[ -z "$token" ]]; then
        echo "login of $user failed: ${body:0:300}" >&2
        return 0
    fi
    printf '%s\t%s\n' "$org" "$token"
}
export -f login_one
export url password
tr '\t' ' ' | xargs -P 8 -L 1 bash -c 'login_one "$0" "$1"'
