#!/usr/bin/env python3
"""Where the CPU of a classroom-storm run goes, by thread group, from a JFR recording (bench/storm-profile.sh).

Usage: jfr-threads.py <samples.txt from `jfr print --events jdk.ExecutionSample`> <results.txt of the same run>

The results file names the wall-clock window of the storm and of the floor ("window <phase>: <start> .. <end>",
UTC); each window's Java execution samples are counted by thread group (digits in thread names folded) and by
component. JFR samples threads running Java code; time in the kernel (socket I/O) and in GC is not in them.
"""
import collections
import re
import sys

GROUPS = [  # thread name pattern -> component
    (r'^vert\.x-eventloop', 'mock API server and HTTP/watch I/O (vert.x event loops)'),
    (r'^reconcile-', 'reconciler passes'),
    (r'^status-follower', 'status follower'),
    (r'^tomcat-handler', 'REST API (Tomcat)'),
    (r'^simulated-virt-controller', 'KubeVirt simulator'),
    (r'^-\d+-pool-\d+-thread', 'fabric8 client callbacks (watch events into informers, responses)'),
    (r'^(status-poller|HttpClient)', "the benchmark's status pollers"),
    (r'^pool-\d+-thread', "the floor's client workers"),
]


def samples(path):
    current = None
    for line in open(path):
        if line.startswith('jdk.ExecutionSample'):
            current = {}
        elif current is not None and line.startswith('  startTime'):
            current['time'] = line.split('=')[1].split()[0][:12]
        elif current is not None and line.startswith('  sampledThread'):
            current['thread'] = line.split('"')[1]
        elif current is not None and line.startswith('}'):
            yield current
            current = None


def windows(path):
    found = {}
    for line in open(path):
        m = re.match(r'window (\w+): \d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d\.\d{3})\S* \.\. \d{4}-\d\d-\d\dT(\d\d:\d\d:\d\d\.\d{3})', line)
        if m:
            found[m.group(1)] = (m.group(2), m.group(3))
    return found


def component(thread):
    for pattern, name in GROUPS:
        if re.search(pattern, thread):
            return name
    return 'other'


def main():
    all_samples = list(samples(sys.argv[1]))
    for phase, (start, end) in windows(sys.argv[2]).items():
        inside = [s for s in all_samples if start <= s.get('time', '') <= end]
        counts = collections.Counter(component(s['thread']) for s in inside)
        print(f'{phase} ({start} .. {end} UTC): {len(inside):,} Java execution samples')
        for name, count in counts.most_common():
            print(f'  {100 * count / max(1, len(inside)):5.1f}%  {count:6,}  {name}')


if __name__ == '__main__':
    main()
