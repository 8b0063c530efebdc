#!/usr/bin/env bash
# A throwaway IMAP server for the transport tests: Debian's dovecot on 127.0.0.1:<port>, plaintext login (loopback
# only, no TLS), one user with a maildir under a fresh temporary directory, run in the foreground until killed.
# Usage: scripts/test-imap-server.sh <port> <user> <password>. Prints the directory on its first line.
# It runs as the current user; as root (CI containers) dovecot refuses root for logins and mail, so the login
# process runs as dovenull and the mail as the dovecot user.
set -euo pipefail
port="$1" imap_user="$2" imap_password="$3"
dovecot_bin="${DOVECOT_BIN:-/usr/sbin/dovecot}"
[ -x "$dovecot_bin" ] || { echo "dovecot is not installed (apt-get install -y dovecot-imapd)" >&2; exit 127; }
dir="$(mktemp -d "${TMPDIR:-/tmp}/outreach-imap.XXXXXX")"
chmod 755 "$dir"
uid="$(id -u)" gid="$(id -g)" user="$(id -un)" group="$(id -gn)"
login_user="$user" internal_user="$user" internal_group="$group"
mkdir -p "$dir/run" "$dir/state" "$dir/mail" "$dir/home"
if [ "$uid" = 0 ]; then
  login_user=dovenull internal_user=dovecot internal_group=dovecot
  uid="$(id -u dovecot)" gid="$(id -g dovecot)"
  chown dovecot:dovecot "$dir/mail" "$dir/home"
fi
printf '%s:{PLAIN}%s::::::\n' "$imap_user" "$imap_password" >"$dir/users"
cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $internal_user
default_internal_group = $internal_group
default_login_user = $login_user
first_valid_uid = $uid
first_valid_gid = $gid
mail_location = maildir:$dir/mail/%u
passdb {
  driver = passwd-file
  args = $dir/users
}
userdb {
  driver = static
  args = uid=$uid gid=$gid home=$dir/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
CONF
echo "$dir"
trap 'rm -rf "$dir"' EXIT
"$dovecot_bin" -F -c "$dir/dovecot.conf"
