package dev.nodepulse.cgroups.stats;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keeps the per-scrape cgroup files open and re-reads them with pread at offset 0. Opening a cgroupfs file costs
 * far more than reading it (ANCHORS.md 1.5: 6-8 µs open+read+close against 1-1.5 µs pread of a kept fd), and a
 * walk reads ~13 files per cgroup. The kernel regenerates a seq_file on a read at offset 0, so a kept fd always
 * shows current values; after its cgroup is removed the read fails and the fd is dropped. Files a cgroup does
 * not have are remembered too, so optional files cost nothing per walk. At most {@code maxOpen} fds are kept;
 * beyond that files are opened per read.
 *
 * <p>Files are kept per cgroup ({@link #cgroup}): a walk looks its cgroup up once, not once per file, and finds
 * each file by its (constant) name in a short array. Reads land in a per-thread {@link FileBytes}.
 */
public final class OpenFiles implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;
    /** Buffers grown past this for one big file (a root cgroup.procs on a busy host) are not kept. */
    private static final int KEEP_LIMIT = 1 << 20;
    private static final ThreadLocal<ThreadBuffers> BUFFERS = ThreadLocal.withInitial(ThreadBuffers::new);

    /** One thread's buffers: the direct buffer the kernel fills, and the heap copy parsers scan. */
    private static final class ThreadBuffers {
        final ByteBuffer direct = ByteBuffer.allocateDirect(BUFFER);
        final FileBytes bytes = new FileBytes(BUFFER);
    }

    private final Map<String, Cgroup> cgroups = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final int maxOpen;

    public OpenFiles(int maxOpen) {
        this.maxOpen = Math.max(0, maxOpen);
    }

    public int openCount() {
        return open.get();
    }

    /** The files of cgroup {@code id} (created on first use; forgotten by {@link #retain}). */
    public Cgroup cgroup(String id) {
        Cgroup c = cgroups.get(id);
        return c != null ? c : cgroups.computeIfAbsent(id, Cgroup::new);
    }

    /** The kept files of one cgroup. A walk reads a cgroup from one thread; the lock only guards odd overlaps. */
    public final class Cgroup {
        private final String id;
        private String[] names = new String[16];
        /** The open channel of names[i]; null for a file known to be absent. */
        private FileChannel[] channels = new FileChannel[16];
        private int count;

        private Cgroup(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /**
         * Reads {@code dir/name} into this thread's {@link FileBytes}, valid until the thread's next read; null when
         * the file does not exist (remembered for next time).
         */
        public synchronized FileBytes read(Path dir, String name) throws IOException {
            int i = slot(name);
            if (i >= 0) {
                FileChannel ch = channels[i];
                if (ch == null) {
                    return null;
                }
                try {
                    return pread(ch, name);
                } catch (IOException gone) {
                    // The cgroup this fd was opened on is gone; one with the same path may exist now (a static pod
                    // restarted): open afresh once.
                    drop(i);
                }
            }
            Path file = dir.resolve(name);
            if (open.get() >= maxOpen) {
                try (FileChannel ch = FileChannel.open(file)) {
                    return pread(ch, name);
                } catch (NoSuchFileException absent) {
                    return null;
                }
            }
            FileChannel ch;
            try {
                ch = FileChannel.open(file);
            } catch (NoSuchFileException absent) {
                add(name, null);
                return null;
            }
            open.incrementAndGet();
            int mine = add(name, ch);
            try {
                return pread(ch, name);
            } catch (IOException gone) {
                drop(mine);
                throw new NoSuchFileException(file.toString());
            }
        }

        private int slot(String name) {
            for (int i = 0; i < count; i++) {
                if (names[i] == name) {
                    return i;
                }
            }
            for (int i = 0; i < count; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        private int add(String name, FileChannel ch) {
            if (count == names.length) {
                names = Arrays.copyOf(names, count * 2);
                channels = Arrays.copyOf(channels, count * 2);
            }
            names[count] = name;
            channels[count] = ch;
            return count++;
        }

        private void drop(int i) {
            FileChannel ch = channels[i];
            count--;
            names[i] = names[count];
            channels[i] = channels[count];
            names[count] = null;
            channels[count] = null;
            if (ch != null) {
                open.decrementAndGet();
                try {
                    ch.close();
                } catch (IOException ignored) {
                    // closing a dead cgroup file
                }
            }
        }

        private synchronized void closeAll() {
            while (count > 0) {
                drop(count - 1);
            }
        }
    }

    private static FileBytes pread(FileChannel ch, String name) throws IOException {
        ThreadBuffers t = BUFFERS.get();
        ByteBuffer buf = t.direct;
        buf.clear();
        boolean oneRead = !isMultiRecord(name);
        long pos = 0;
        int n;
        while ((n = ch.read(buf, pos)) > 0) {
            pos += n;
            if (!buf.hasRemaining()) {
                return readAll(ch, t.bytes);
            }
            if (oneRead) {
                break;
            }
        }
        buf.flip();
        FileBytes out = t.bytes;
        if (out.data.length > KEEP_LIMIT) {
            out.data = new byte[BUFFER];
        }
        out.length = buf.remaining();
        buf.get(out.data, 0, out.length);
        return out;
    }

    /**
     * Whether a read may return part of the file before its end. Every cgroup control file except the PID lists is
     * one seq_file record, which the kernel renders whole (growing its buffer until it fits) and a read hands over
     * whole when the reader's buffer is larger: a short read is the end, and the read that would return 0 (a second
     * syscall for every file) is skipped. cgroup.procs and tasks are one record per PID and come in pieces of about
     * a page. Regular files (fixture trees) end at a short read too.
     */
    static boolean isMultiRecord(String name) {
        return name.equals("cgroup.procs") || name.equals("tasks") || name.equals("cgroup.threads");
    }

    /** A file larger than the buffer (a root cgroup.procs on a busy host), read whole into a grown array. */
    private static FileBytes readAll(FileChannel ch, FileBytes out) throws IOException {
        byte[] data = out.data.length >= 2 * BUFFER ? out.data : new byte[2 * BUFFER];
        ByteBuffer b = ByteBuffer.wrap(data);
        long pos = 0;
        int n;
        while ((n = ch.read(b, pos)) >= 0) {
            pos += n;
            if (!b.hasRemaining()) {
                data = Arrays.copyOf(data, data.length * 2);
                b = ByteBuffer.wrap(data).position((int) pos);
            } else if (n == 0) {
                break;
            }
        }
        out.data = data;
        out.length = (int) pos;
        return out;
    }

    /** Closes the files of cgroups not in {@code live}. */
    public void retain(Set<String> live) {
        for (Iterator<Map.Entry<String, Cgroup>> it = cgroups.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Cgroup> e = it.next();
            if (!live.contains(e.getKey())) {
                it.remove();
                e.getValue().closeAll();
            }
        }
    }

    @Override
    public void close() {
        retain(Set.of());
    }
}
