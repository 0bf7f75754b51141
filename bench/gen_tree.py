#!/usr/bin/env python3
"""Synthetic node trees for bench/cadvisor-bench.sh: N container cgroups (a sandbox and two app containers per
pod, pods spread over the three QoS classes), in the kernel's file formats, with containerd bundles and /proc.

  gen_tree.py fixture OUT N [v1|v2]       a whole fixture tree (cgroupfs/, proc/, sys/, rootfs/) under OUT
  gen_tree.py real ROOTFS N TOP [v1|v2]   containerd bundles under ROOTFS for cgroups the bench script makes
                                          itself under /sys/fs/cgroup/<controller>/TOP; prints their ids
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "agent", "src", "test", "fixtures"))
import cadvisor_fixtures as F  # noqa: E402


def layout(n, version):
    """Cgroups (as fixture Cg objects) for n container cgroups under the systemd driver."""
    rows = [F.Cg("/", "root", 50, pids=[1]), F.Cg("/kubepods.slice", "kubepods", 40)]
    qos_dirs = {"burstable": "/kubepods.slice/kubepods-burstable.slice",
                "besteffort": "/kubepods.slice/kubepods-besteffort.slice"}
    for q, d in qos_dirs.items():
        rows.append(F.Cg(d, "kubepods", 30))
    pods = max(1, n // 3)
    pid = 10000
    fds = {}
    for p in range(pods):
        qos = ("guaranteed", "burstable", "besteffort")[p % 3]
        uid = "%08x-0000-4000-8000-%012x" % (p, p)
        parent = "/kubepods.slice" if qos == "guaranteed" else qos_dirs[qos]
        prefix = "kubepods" if qos == "guaranteed" else "kubepods-" + qos
        pod_id = "%s/%s-pod%s.slice" % (parent, prefix, uid.replace("-", "_"))
        quota = 200000 if qos == "guaranteed" else -1
        rows.append(F.Cg(pod_id, "pod", 10 + p % 7, pod=("pod-%d" % p, "bench"), quota=quota))
        for c in range(3):
            cid = F.hexid("bench-%d" % p, c)
            sandbox = c == 0
            meta = dict(id=cid, runtime="containerd", sandbox=sandbox, pod="pod-%d" % p, ns="bench", uid=uid,
                        container="" if sandbox else "app-%d" % c, alias=cid,
                        image="registry.k8s.io/pause:3.10" if sandbox else "docker.io/library/app:%d" % c,
                        created="")
            rows.append(F.Cg(pod_id + "/cri-containerd-%s.scope" % cid, "container", 1 + (p + c) % 9, pids=[pid],
                             meta=meta, quota=quota))
            fds[pid] = ["/dev/null", "socket:[%d]" % pid, "pipe:[1]"]
            pid += 1
    return rows, fds


def fixture(out, n, version):
    rows, fds = layout(n, version)
    F.write_host(out, "bench")
    image_fs(out)
    netdevs = {}
    for c in rows:
        (F.write_v2 if version == 2 else F.write_v1)(out, c)
        F.write_runtime(out, c)
        if c.kind == "container":
            p = c.pids[0]
            F.w(os.path.join(out, "proc/%d/limits" % p), F.limits(1048576))
            if c.meta["sandbox"]:
                F.w(os.path.join(out, "proc/%d/net/dev" % p),
                    F.netdev([("lo", (1, 1, 0, 0, 1, 1, 0, 0)), ("eth0", (p, 2, 0, 0, 3, 4, 0, 0))]))
    with open(os.path.join(out, "fds.txt"), "w") as f:
        for p in sorted(fds):
            for t in fds[p]:
                f.write("%d %s\n" % (p, t))


def image_fs(rootfs_parent):
    """containerd's image filesystem directory, which /stats/summary stats for runtime.imageFs and container rootfs."""
    d = os.path.join(rootfs_parent, "rootfs", F.IMAGE_FS_DIR["containerd"])
    os.makedirs(d, exist_ok=True)


def real(rootfs, n, top):
    rows, _ = layout(n, 1)
    os.makedirs(os.path.join(rootfs, F.IMAGE_FS_DIR["containerd"]), exist_ok=True)
    os.makedirs(os.path.join(rootfs, "var/lib/kubelet"), exist_ok=True)
    for c in rows:
        if c.kind == "container":
            # The bench script creates the cgroups; only the bundles are written here (ROOTFS is --path.rootfs).
            c.id = "/" + top + c.id
            F.write_runtime(None, c, rootfs=rootfs)
        if c.kind != "root":
            print(("/" + top + c.id) if not c.id.startswith("/" + top) else c.id)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "fixture":
        fixture(sys.argv[2], int(sys.argv[3]), 2 if len(sys.argv) > 4 and sys.argv[4] == "v2" else 1)
    else:
        real(sys.argv[2], int(sys.argv[3]), sys.argv[4])
