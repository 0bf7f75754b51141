package dev.nodepulse.kubelet.webconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * exporter-toolkit's basic auth: bcrypt-checked passwords, one bcrypt at a time (it is meant to be slow),
 * results remembered for the same user, hash and password so a scraper does not pay bcrypt every scrape, and
 * the same work for unknown users as for known ones so timing does not reveal user names.
 *
 * <p>bcrypt is {@link Bcrypt}, checked as Go's x/crypto/bcrypt checks it (every hash version htpasswd and Go
 * write: $2a$, $2b$, $2y$).
 */
public final class BasicAuth {

    /** bcrypt of "fakepassword", checked for unknown users (exporter-toolkit uses the same decoy). */
    private static final String DECOY = "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi";
    private static final int CACHE_SIZE = 100;

    private final Object bcryptLock = new Object();
    private final Map<String, Boolean> cache = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Whether the Authorization header carries a user of {@code users} with the right password. */
    public boolean allowed(Map<String, String> users, String authorizationHeader) {
        String[] credentials = basicCredentials(authorizationHeader);
        if (credentials == null) {
            return false;
        }
        String user = credentials[0];
        String hash = users.get(user);
        boolean known = hash != null;
        if (!known) {
            hash = DECOY;
        }
        String key = cacheKey(user, hash, credentials[1]);
        Boolean ok;
        synchronized (cache) {
            ok = cache.get(key);
        }
        if (ok == null) {
            boolean matches;
            synchronized (bcryptLock) {
                matches = Bcrypt.matches(hash, credentials[1].getBytes(StandardCharsets.UTF_8));
            }
            ok = known && matches;
            synchronized (cache) {
                cache.put(key, ok);
            }
        }
        return ok && known;
    }

    /** Go's Request.BasicAuth: "Basic " (any case) and base64 of user:password, split at the first colon. */
    static String[] basicCredentials(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(header.substring(6));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String s = new String(decoded, StandardCharsets.UTF_8);
        int colon = s.indexOf(':');
        if (colon < 0) {
            return null;
        }
        return new String[] {s.substring(0, colon), s.substring(colon + 1)};
    }

    /** Digest rather than plaintext, so the cache holds no passwords. */
    private static String cacheKey(String user, String hash, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {user, hash, password}) {
                byte[] b = part.getBytes(StandardCharsets.UTF_8);
                md.update((byte) (b.length >>> 24));
                md.update((byte) (b.length >>> 16));
                md.update((byte) (b.length >>> 8));
                md.update((byte) b.length);
                md.update(b);
            }
            return Base64.getEncoder().encodeToString(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
