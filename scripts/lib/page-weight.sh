# Bytes a browser transfers for a page (source this file):
#   page_weight <base-url> <path> <cookie-header>   prints "first_visit_bytes repeat_visit_bytes"
# First visit: the HTML, every stylesheet, script and icon it links, and /favicon.ico, as a browser asks for them
# (Accept-Encoding: br, gzip). Repeat visit: the HTML again plus whatever the first responses did not let the browser
# keep (no max-age, or no-cache); fingerprinted static assets are kept. A page that loads offline.js also installs
# the service worker on the first visit: /sw.js, the scripts it imports and the shell it keeps count too (each
# address once: what the page already fetched comes from the browser's cache).
page_weight() {
  local base=$1 path=$2 cookie=$3 html first repeat size headers url worker urls
  html=$(mktemp)
  # Once decoded, to read the links; once as sent, to count the bytes.
  curl -s -o "$html" -H "Accept-Encoding: br, gzip" -H "Cookie: $cookie" --compressed "$base$path"
  size=$(curl -s -o /dev/null -w "%{size_download}" -H "Accept-Encoding: br, gzip" -H "Cookie: $cookie" "$base$path")
  first=$size
  repeat=$size
  urls=$( (grep -o '<link[^>]*rel="\(stylesheet\|icon\|manifest\|apple-touch-icon\)"[^>]*>' "$html" | grep -o 'href="[^"]*"'; \
           grep -o '<script[^>]*src="[^"]*"' "$html" | grep -o 'src="[^"]*"') | sed 's/^[a-z]*="//;s/"$//'; echo /favicon.ico)
  if grep -q '/js/offline\.' "$html"; then
    worker=$(curl -s "$base/sw.js")
    urls=$(printf '%s\n/sw.js\n%s\n' "$urls" "$(grep -o '"/[^"]*"' <<<"$worker" | tr -d '"')")
  fi
  for url in $(sort -u <<<"$urls"); do
    headers=$(mktemp)
    size=$(curl -s -o /dev/null -D "$headers" -w "%{size_download}" -H "Accept-Encoding: br, gzip" "$base$url")
    first=$((first + size))
    if ! grep -qi '^cache-control:.*max-age=[1-9]' "$headers" || grep -qi '^cache-control:.*no-cache' "$headers"; then
      repeat=$((repeat + size))
    fi
    rm -f "$headers"
  done
  rm -f "$html"
  echo "$first $repeat"
}
