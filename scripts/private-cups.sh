#!/usr/bin/env bash
# A private CUPS set-up in one directory: a cupsd on a loopback port with one queue per printer, each queue
# pointing at its own ippeveprinter (a real IPP Everywhere printer that keeps every document it receives).
# Nothing outside DIR is touched: no system cupsd, no system avahi. Must run as root (cupsd drops to `lp`).
#
# For the demo:
#   scripts/private-cups.sh start DIR PRINTER...   prints CUPS_SERVER=127.0.0.1:PORT and each printer's spool dir
#   scripts/private-cups.sh stop DIR
#
# Building blocks, also used by the Swift test harness (FolioTesting.PrivateCUPS), which spawns the `run-*`
# commands itself so that it owns (and reaps) the daemons — this file is the one source of truth for the set-up:
#   config DIR CUPS_PORT             write DIR/cupsd.conf, DIR/cups-files.conf, DIR/dbus.conf and the directories
#   run-dbus DIR                     exec a private D-Bus bus (ippeveprinter's DNS-SD client needs *a* bus)
#   run-printer DIR NAME IPP_PORT [SPOOL]
#                                    exec ippeveprinter; its documents land in SPOOL (default DIR/printers/NAME),
#                                    each with DOCUMENT.env (its IPP job attributes) once it is "printed"
#   run-cupsd DIR                    exec cupsd in the foreground
#   watch DIR PID                    stop DIR's daemons (as `stop` does) once process PID is gone: a test run that
#                                    crashed or was killed leaves nothing running
#   add-queue DIR NAME IPP_PORT      lpadmin: queue NAME → ipp://127.0.0.1:IPP_PORT/ipp/print, with the
#                                    driver DIR/folio-pdf-printer.ppd (PDF passes through unchanged)
#
# Why no avahi: ippeveprinter is started with `-r off` (no DNS-SD advertisement). It then only needs to reach
# *a* D-Bus system bus, and DBUS_SYSTEM_BUS_ADDRESS points it at the private bus in DIR. Without `-r off` it needs
# a running avahi-daemon and aborts (an assertion in avahi_entry_group_add_service_strlst) when there is none.
set -euo pipefail

die() { echo "private-cups: $*" >&2; exit 1; }
need_dir() { [ -n "${1:-}" ] || die "missing DIR"; }
valid_name() { [[ "$1" =~ ^[A-Za-z0-9_.-]+$ ]] || die "printer name '$1' must match [A-Za-z0-9_.-]+"; }
bus_address() { echo "unix:path=$1/dbus.sock"; }

cmd_config() {
  local dir=$1 port=$2
  [ "$(id -u)" -eq 0 ] || die "must run as root (cupsd needs to switch to user lp)"
  mkdir -p "$dir"/{root/ppd,root/ssl,spool/tmp,cache,state,log,printers}
  chmod 0755 "$dir"                       # cupsd's children run as lp and must reach the spool
  chgrp lp "$dir/spool" "$dir/spool/tmp" "$dir/cache"
  chmod 0710 "$dir/spool"; chmod 1770 "$dir/spool/tmp"; chmod 0770 "$dir/cache"
  echo "$port" > "$dir/cups.port"
  cat > "$dir/cups-files.conf" <<EOF
ServerRoot $dir/root
RequestRoot $dir/spool
TempDir $dir/spool/tmp
CacheDir $dir/cache
StateDir $dir/state
AccessLog $dir/log/access_log
ErrorLog $dir/log/error_log
PageLog $dir/log/page_log
Printcap $dir/printcap
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice No
User lp
Group lp
SystemGroup root
EOF
  cat > "$dir/cupsd.conf" <<EOF
LogLevel debug
MaxLogSize 0
ErrorPolicy retry-job
Listen 127.0.0.1:$port
Listen $dir/cups.sock
Browsing Off
WebInterface No
DefaultAuthType None
IdleExitTimeout 0
JobRetryInterval 2
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
EOF
  # The queues' driver: a small PPD that sends PDF to the printer as it is (cups-filters, which would rewrite
  # it, is not installed), so the printer gets exactly the bytes Folio sent, and copies travel as the IPP
  # "copies" attribute. Not `lpadmin -m everywhere`: cupsd then builds the PPD in a background thread after
  # lpadmin has returned, and a job arriving meanwhile is aborted ("Unable to convert file 0 to printable format").
  cat > "$dir/folio-pdf-printer.ppd" <<'PPD'
*PPD-Adobe: "4.3"
*FormatVersion: "4.3"
*FileVersion: "1.0"
*LanguageVersion: English
*LanguageEncoding: ISOLatin1
*PCFileName: "FOLIOPDF.PPD"
*Manufacturer: "Folio"
*Product: "(Folio PDF printer)"
*ModelName: "Folio PDF printer"
*ShortNickName: "Folio PDF printer"
*NickName: "Folio PDF printer over IPP"
*PSVersion: "(3010.000) 0"
*LanguageLevel: "3"
*ColorDevice: False
*DefaultColorSpace: Gray
*FileSystem: False
*cupsVersion: 2.4
*cupsManualCopies: False
*cupsSNMPSupplies: False
*cupsFilter2: "application/pdf application/pdf 0 -"
*OpenUI *PageSize: PickOne
*OrderDependency: 10 AnySetup *PageSize
*DefaultPageSize: Letter
*PageSize Letter: "<</PageSize[612 792]>>setpagedevice"
*PageSize A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageSize
*OpenUI *PageRegion: PickOne
*OrderDependency: 10 AnySetup *PageRegion
*DefaultPageRegion: Letter
*PageRegion Letter: "<</PageSize[612 792]>>setpagedevice"
*PageRegion A4: "<</PageSize[595 842]>>setpagedevice"
*CloseUI: *PageRegion
*DefaultImageableArea: Letter
*ImageableArea Letter: "18 18 594 774"
*ImageableArea A4: "18 18 577 824"
*DefaultPaperDimension: Letter
*PaperDimension Letter: "612 792"
*PaperDimension A4: "595 842"
PPD
  # ippeveprinter runs this for each document it "prints" (without a command it sleeps 5-15 s per job). It
  # records the job's IPP attributes (IPP_COPIES, IPP_JOB_NAME, ...) next to the document as DOCUMENT.env.
  printf '#!/bin/sh\nenv | grep "^IPP_" | sort > "$1.env.part" && mv "$1.env.part" "$1.env"\n' > "$dir/record-job"
  chmod 0755 "$dir/record-job"
  cat > "$dir/dbus.conf" <<EOF
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <listen>$(bus_address "$dir")</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
    <allow user="*"/>
  </policy>
</busconfig>
EOF
}

cmd_run_dbus() {
  local dir=$1
  exec dbus-daemon --config-file="$dir/dbus.conf" --nofork --nopidfile
}

cmd_run_printer() {
  local dir=$1 name=$2 port=$3 spool=${4:-$1/printers/$2}
  valid_name "$name"
  mkdir -p "$spool"
  export DBUS_SYSTEM_BUS_ADDRESS
  DBUS_SYSTEM_BUS_ADDRESS=$(bus_address "$dir")
  exec ippeveprinter -p "$port" -d "$spool" -f application/pdf -k -r off -c "$dir/record-job" "$name"
}

cmd_run_cupsd() {
  local dir=$1
  cupsd -t -c "$dir/cupsd.conf" -s "$dir/cups-files.conf" >/dev/null \
    || die "configuration check failed: cupsd -t -c $dir/cupsd.conf -s $dir/cups-files.conf"
  exec cupsd -f -c "$dir/cupsd.conf" -s "$dir/cups-files.conf"
}

cmd_add_queue() {
  local dir=$1 name=$2 port=$3
  valid_name "$name"
  local server="127.0.0.1:$(cat "$dir/cups.port")"
  local out  # lpadmin always warns that printer drivers are deprecated: show its output only on failure
  out=$(lpadmin -h "$server" -p "$name" -E -v "ipp://127.0.0.1:$port/ipp/print" \
    -P "$dir/folio-pdf-printer.ppd" 2>&1) || die "lpadmin failed for $name: $out"
  lpstat -h "$server" -a "$name" >/dev/null
}

cmd_watch() {
  local dir=$1 pid=$2
  while kill -0 "$pid" 2>/dev/null && [ -d "$dir/pids" ]; do sleep 0.5; done
  if [ -d "$dir/pids" ]; then cmd_stop "$dir"; fi
}

# --- demo: start / stop -----------------------------------------------------------------------------------

free_port() {   # a port nobody listens on, below the kernel's ephemeral range (which port-0 binds and
                # outgoing connections use); the daemons fail loudly if it gets taken meanwhile
  local p low
  low=$(cut -f1 /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || echo 32768)
  [ "$low" -gt 21000 ] || low=60000
  for _ in $(seq 1 200); do
    p=$((20000 + RANDOM % (low - 20000)))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return; }
  done
  die "no free port found"
}

wait_port() {   # wait_port PORT PID LOG: until something listens on PORT, or PID dies
  local port=$1 pid=$2 log=$3
  for _ in $(seq 1 200); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || die "process $pid exited; see $log"
    sleep 0.05
  done
  die "nothing listens on port $port after 10 s; see $log"
}

cmd_start() {
  local dir=$1; shift
  [ $# -gt 0 ] || die "usage: $0 start DIR PRINTER..."
  [ ! -e "$dir/pids" ] || die "$dir already has a running set-up (stop it first)"
  mkdir -p "$dir"; dir=$(cd "$dir" && pwd)
  local self; self=$(cd "$(dirname "$0")" && pwd)/$(basename "$0")
  local cups_port; cups_port=$(free_port)
  cmd_config "$dir" "$cups_port"
  mkdir -p "$dir/pids"

  setsid "$self" run-dbus "$dir" >"$dir/log/dbus.log" 2>&1 < /dev/null &
  echo $! > "$dir/pids/dbus.pid"
  for _ in $(seq 1 100); do [ -S "$dir/dbus.sock" ] && break; sleep 0.05; done
  [ -S "$dir/dbus.sock" ] || die "private D-Bus did not start; see $dir/log/dbus.log"

  declare -A ports
  for name in "$@"; do
    valid_name "$name"
    ports[$name]=$(free_port)
    setsid "$self" run-printer "$dir" "$name" "${ports[$name]}" >"$dir/log/printer-$name.log" 2>&1 < /dev/null &
    echo $! > "$dir/pids/printer-$name.pid"
    echo "${ports[$name]}" > "$dir/printers/$name.port"
  done
  setsid "$self" run-cupsd "$dir" >"$dir/log/cupsd.log" 2>&1 < /dev/null &
  echo $! > "$dir/pids/cupsd.pid"

  for name in "$@"; do wait_port "${ports[$name]}" "$(cat "$dir/pids/printer-$name.pid")" "$dir/log/printer-$name.log"; done
  wait_port "$cups_port" "$(cat "$dir/pids/cupsd.pid")" "$dir/log/error_log"
  for name in "$@"; do cmd_add_queue "$dir" "$name" "${ports[$name]}" 2>>"$dir/log/lpadmin.log"; done

  echo "CUPS_SERVER=127.0.0.1:$cups_port"
  for name in "$@"; do echo "PRINTER $name ipp://127.0.0.1:${ports[$name]}/ipp/print spool=$dir/printers/$name"; done
}

cmd_stop() {
  local dir=$1 pid
  [ -d "$dir/pids" ] || die "no pids in $dir"
  for f in "$dir"/pids/cupsd.pid "$dir"/pids/printer-*.pid "$dir"/pids/dbus.pid; do
    [ -f "$f" ] || continue
    pid=$(cat "$f")
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$f"
  done
  rmdir "$dir/pids"
}

case "${1:-}" in
  config)      need_dir "${2:-}"; [ -n "${3:-}" ] || die "usage: $0 config DIR CUPS_PORT"; cmd_config "$2" "$3" ;;
  run-dbus)    need_dir "${2:-}"; cmd_run_dbus "$2" ;;
  run-printer) need_dir "${2:-}"; [ -n "${4:-}" ] || die "usage: $0 run-printer DIR NAME PORT [SPOOL]"; cmd_run_printer "$2" "$3" "$4" "${5:-}" ;;
  run-cupsd)   need_dir "${2:-}"; cmd_run_cupsd "$2" ;;
  watch)       need_dir "${2:-}"; [ -n "${3:-}" ] || die "usage: $0 watch DIR PID"; cmd_watch "$2" "$3" ;;
  add-queue)   need_dir "${2:-}"; [ -n "${4:-}" ] || die "usage: $0 add-queue DIR NAME PORT"; cmd_add_queue "$2" "$3" "$4" ;;
  start)       need_dir "${2:-}"; d=$2; shift 2; cmd_start "$d" "$@" ;;
  stop)        need_dir "${2:-}"; cmd_stop "$2" ;;
  *) die "usage: $0 start DIR PRINTER... | stop DIR | config DIR PORT | run-dbus DIR | run-printer DIR NAME PORT | run-cupsd DIR | add-queue DIR NAME PORT | watch DIR PID" ;;
esac
