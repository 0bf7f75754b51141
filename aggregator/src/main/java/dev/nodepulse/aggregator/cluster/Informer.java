package dev.nodepulse.aggregator.cluster;

import dev.nodepulse.json.JsonException;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A list/watch cache of one resource, as client-go's reflector keeps one: a paged LIST (500 per page), then a
 * WATCH from the list's resourceVersion with bookmarks, a fresh LIST when the watch's version expired (410),
 * back-off on errors. Objects are decoded into small records by a {@link Codec}; the cache holds only those.
 */
public final class Informer<T> implements AutoCloseable {

    private static final Log LOG = Log.get(Informer.class);
    private static final int PAGE = 500;

    /** Decodes one item and names it ("ns/name" or "name"). */
    public interface Codec<T> {
        T decode(JsonObject item) throws JsonException;

        String key(T value);
    }

    /** Told about every change, under the informer's lock (keep it short). */
    public interface Listener<T> {
        void changed(T old, T now);
    }

    private final String what;
    private final KubeApi api;
    private final String path;
    private final Map<String, String> params;
    private final String listAccept;
    private final String watchAccept;
    private final Codec<T> codec;
    private final Listener<T> listener;
    private final Map<String, T> items = new ConcurrentHashMap<>();
    private final AtomicBoolean synced = new AtomicBoolean();
    private volatile boolean closed;
    private volatile KubeApi.WatchStream current;
    private Thread thread;

    public Informer(String what, KubeApi api, String path, Map<String, String> params, String listAccept,
            String watchAccept, Codec<T> codec, Listener<T> listener) {
        this.what = what;
        this.api = api;
        this.path = path;
        this.params = Map.copyOf(params);
        this.listAccept = listAccept;
        this.watchAccept = watchAccept;
        this.codec = codec;
        this.listener = listener == null ? (a, b) -> { } : listener;
    }

    public synchronized Informer<T> start() {
        thread = new Thread(this::run, "informer-" + what);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    public boolean hasSynced() {
        return synced.get();
    }

    public T get(String key) {
        return items.get(key);
    }

    public Collection<T> items() {
        return items.values();
    }

    public int size() {
        return items.size();
    }

    private void run() {
        long backoffMs = 500;
        String version = null;
        while (!closed) {
            try {
                if (version == null) {
                    version = list();
                    backoffMs = 500;
                }
                version = watch(version);
                backoffMs = 500;
            } catch (KubeApi.StatusException e) {
                if (e.code() == 410) {
                    LOG.info("watch version expired; listing again", "resource", what);
                    version = null;
                    continue;
                }
                version = pause(e, backoffMs, version);
                backoffMs = Math.min(backoffMs * 2, 30_000);
            } catch (IOException | JsonException | RuntimeException e) {
                version = pause(e, backoffMs, version);
                backoffMs = Math.min(backoffMs * 2, 30_000);
            }
        }
    }

    private String pause(Exception e, long backoffMs, String version) {
        if (!closed) {
            LOG.warn("list/watch failed", "resource", what, "err", e.getMessage());
            try {
                Thread.sleep(backoffMs);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                closed = true;
            }
        }
        return version;
    }

    /** A full LIST in pages; replaces the cache; returns the collection's resourceVersion. */
    private String list() throws IOException, JsonException {
        Map<String, T> fresh = new HashMap<>();
        String cont = null;
        String version;
        do {
            Map<String, String> q = new LinkedHashMap<>(params);
            q.put("limit", Integer.toString(PAGE));
            if (cont != null) {
                q.put("continue", cont);
            }
            JsonObject page = JsonReader.parseObject(api.get(path, q, listAccept));
            JsonObject meta = page.object("metadata");
            version = meta == null ? null : meta.string("resourceVersion");
            cont = meta == null ? null : meta.string("continue");
            var list = page.objects("items");
            if (list != null) {
                for (JsonObject item : list) {
                    T v = codec.decode(item);
                    fresh.put(codec.key(v), v);
                }
            }
        } while (cont != null && !cont.isEmpty());
        synchronized (this) {
            for (Map.Entry<String, T> e : items.entrySet()) {
                if (!fresh.containsKey(e.getKey())) {
                    items.remove(e.getKey());
                    listener.changed(e.getValue(), null);
                }
            }
            for (Map.Entry<String, T> e : fresh.entrySet()) {
                T old = items.put(e.getKey(), e.getValue());
                listener.changed(old, e.getValue());
            }
        }
        if (!synced.getAndSet(true)) {
            LOG.info("Caches populated", "resource", what, "count", fresh.size());
        }
        return version;
    }

    /** Watches until the server ends the stream; returns the last version seen. */
    private String watch(String version) throws IOException, JsonException {
        Map<String, String> q = new LinkedHashMap<>(params);
        q.put("watch", "true");
        q.put("allowWatchBookmarks", "true");
        q.put("resourceVersion", version == null ? "" : version);
        q.put("timeoutSeconds", Integer.toString(300 + ThreadLocalRandom.current().nextInt(300)));
        try (KubeApi.WatchStream stream = api.watch(path, q, watchAccept)) {
            current = stream;
            String line;
            while (!closed && (line = stream.nextLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject event = JsonReader.parseObject(line);
                String type = event.stringOrEmpty("type");
                JsonObject object = event.object("object");
                if (object == null) {
                    continue;
                }
                if (type.equals("ERROR")) {
                    Long code = object.signed("code");
                    throw new KubeApi.StatusException(code == null ? 500 : code.intValue(), line);
                }
                JsonObject meta = object.object("metadata");
                String rv = meta == null ? null : meta.string("resourceVersion");
                if (type.equals("BOOKMARK")) {
                    version = rv == null ? version : rv;
                    continue;
                }
                T v = codec.decode(object);
                String key = codec.key(v);
                synchronized (this) {
                    if (type.equals("DELETED")) {
                        T old = items.remove(key);
                        if (old != null) {
                            listener.changed(old, null);
                        }
                    } else if (type.equals("ADDED") || type.equals("MODIFIED")) {
                        T old = items.put(key, v);
                        listener.changed(old, v);
                    }
                }
                version = rv == null ? version : rv;
            }
        } finally {
            current = null;
        }
        return version;
    }

    @Override
    public void close() {
        closed = true;
        KubeApi.WatchStream s = current;
        if (s != null) {
            try {
                s.close();
            } catch (IOException | RuntimeException ignored) {
                // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
