package dev.nodepulse.procfs.proc.nfs;

import java.util.ArrayList;
import java.util.List;

/**
 * Names and positions of the per-procedure counters in the "proc2", "proc3", "proc4" and "proc4ops" lines.
 * The names are node_exporter's (they become the "method" label), and the positions follow the kernel's
 * procedure numbering; for the NFSv4 client the label order and the column order differ at
 * LayoutGet/GetDeviceInfo, as they do upstream.
 */
final class NfsProcedureNames {

    private NfsProcedureNames() {}

    static final List<String> V2 = List.of("Null", "GetAttr", "SetAttr", "Root", "Lookup", "ReadLink", "Read",
            "WrCache", "Write", "Create", "Remove", "Rename", "Link", "SymLink", "MkDir", "RmDir", "ReadDir", "FsStat");

    static final List<String> V3 = List.of("Null", "GetAttr", "SetAttr", "Lookup", "Access", "ReadLink", "Read",
            "Write", "Create", "MkDir", "SymLink", "MkNod", "Remove", "RmDir", "Rename", "Link", "ReadDir",
            "ReadDirPlus", "FsStat", "FsInfo", "PathConf", "Commit");

    /** Client NFSv4 operations in label order, each with its 1-based column in the "proc4" line. */
    static final List<String> CLIENT_V4 = List.of("Null", "Read", "Write", "Commit", "Open", "OpenConfirm",
            "OpenNoattr", "OpenDowngrade", "Close", "Setattr", "FsInfo", "Renew", "SetClientID",
            "SetClientIDConfirm", "Lock", "Lockt", "Locku", "Access", "Getattr", "Lookup", "LookupRoot", "Remove",
            "Rename", "Link", "Symlink", "Create", "Pathconf", "StatFs", "ReadLink", "ReadDir", "ServerCaps",
            "DelegReturn", "GetACL", "SetACL", "FsLocations", "ReleaseLockowner", "Secinfo", "FsidPresent",
            "ExchangeID", "CreateSession", "DestroySession", "Sequence", "GetLeaseTime", "ReclaimComplete",
            "LayoutGet", "GetDeviceInfo", "LayoutCommit", "LayoutReturn", "SecinfoNoName", "TestStateID",
            "FreeStateID", "GetDeviceList", "BindConnToSession", "DestroyClientID", "Seek", "Allocate",
            "DeAllocate", "LayoutStats", "Clone");

    static int clientV4Column(int labelIndex) {
        int column = labelIndex + 1;
        if (column == 45) {
            return 46; // LayoutGet
        }
        if (column == 46) {
            return 45; // GetDeviceInfo
        }
        return column;
    }

    static final List<String> SERVER_V4_OPS = List.of("Op0Unused", "Op1Unused", "Op2Future", "Access", "Close",
            "Commit", "Create", "DelegPurge", "DelegReturn", "GetAttr", "GetFH", "Link", "Lock", "Lockt", "Locku",
            "Lookup", "LookupRoot", "Nverify", "Open", "OpenAttr", "OpenConfirm", "OpenDgrd", "PutFH", "PutPubFH",
            "PutRootFH", "Read", "ReadDir", "ReadLink", "Remove", "Rename", "Renew", "RestoreFH", "SaveFH",
            "SecInfo", "SetAttr", "SetClientID", "SetClientIDConfirm", "Verify", "Write", "RelLockOwner");

    /** Values at 1-based columns 1..names.size() of {@code v} (v[0] is the count the kernel prints first). */
    static List<NfsProcedure> inOrder(List<String> names, long[] v) {
        List<NfsProcedure> out = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            out.add(new NfsProcedure(names.get(i), i + 1 < v.length ? v[i + 1] : 0));
        }
        return List.copyOf(out);
    }

    static List<NfsProcedure> zeros(List<String> names) {
        return inOrder(names, new long[0]);
    }
}
