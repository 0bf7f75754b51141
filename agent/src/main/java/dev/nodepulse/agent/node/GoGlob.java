package dev.nodepulse.agent.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Go's path/filepath Glob and Match on Linux, for flags node_exporter documents as globs
 * (--collector.textfile.directory). Java's PathMatcher differs ({braces}, "**", no error for a broken
 * class), so operators' existing patterns would silently match something else.
 *
 * <p>Syntax: {@code *} any run of non-'/' characters, {@code ?} one non-'/' character, {@code [abc]},
 * {@code [a-z]}, {@code [^a-z]} classes, {@code \} escapes the next character. Matching is per path element;
 * directories that cannot be read are skipped; results are in name order.
 */
public final class GoGlob {

    /** A malformed pattern (Go's filepath.ErrBadPattern). */
    public static final class BadPatternException extends Exception {
        BadPatternException(String pattern) {
            super("syntax error in pattern: " + pattern);
        }
    }

    private GoGlob() {}

    /** Whether the string has any of the characters that make it a pattern. */
    public static boolean hasMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '\\') {
                return true;
            }
        }
        return false;
    }

    /**
     * The existing paths matching the pattern. A pattern without meta characters yields itself (unchanged)
     * when it exists; matches of a pattern are the directory joined with the entry name, cleaned.
     */
    public static List<String> glob(String pattern) throws BadPatternException {
        return glob(pattern, 0);
    }

    private static List<String> glob(String pattern, int depth) throws BadPatternException {
        match(pattern, ""); // validates the whole pattern first, as Go does
        if (!hasMeta(pattern)) {
            try {
                return !pattern.isEmpty() && Files.exists(Path.of(pattern), LinkOption.NOFOLLOW_LINKS)
                        ? List.of(pattern) : List.of();
            } catch (java.nio.file.InvalidPathException e) {
                return List.of();
            }
        }
        int slash = pattern.lastIndexOf('/');
        String dir = slash < 0 ? "" : pattern.substring(0, slash + 1);
        String file = pattern.substring(slash + 1);
        dir = cleanGlobPath(dir);
        List<String> out = new ArrayList<>();
        if (!hasMeta(dir)) {
            globIn(dir, file, out);
            return out;
        }
        if (dir.equals(pattern) || depth > 10_000) {
            throw new BadPatternException(pattern);
        }
        for (String d : glob(dir, depth + 1)) {
            globIn(d, file, out);
        }
        return out;
    }

    private static String cleanGlobPath(String dir) {
        if (dir.isEmpty()) {
            return ".";
        }
        if (dir.equals("/")) {
            return dir;
        }
        return dir.substring(0, dir.length() - 1);
    }

    private static void globIn(String dir, String pattern, List<String> out) throws BadPatternException {
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(d)) {
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        } catch (IOException | RuntimeException e) {
            return; // Go ignores I/O errors while globbing
        }
        names.sort(null);
        for (String n : names) {
            if (match(pattern, n)) {
                out.add(join(dir, n));
            }
        }
    }

    /** Go's filepath.Join: the elements joined with '/', then cleaned lexically. */
    public static String join(String dir, String name) {
        if (dir.isEmpty()) {
            return clean(name);
        }
        return clean(dir + "/" + name);
    }

    /** Go's filepath.Clean: no repeated or trailing '/', no "." elements, ".." resolved lexically. */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.startsWith("/");
        List<String> parts = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
                    parts.remove(parts.size() - 1);
                } else if (!rooted) {
                    parts.add(part);
                }
                continue;
            }
            parts.add(part);
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** Go's filepath.Match: whether the whole name matches the pattern. */
    public static boolean match(String pattern, String name) throws BadPatternException {
        String p = pattern;
        String n = name;
        outer:
        while (!p.isEmpty()) {
            boolean star = false;
            while (!p.isEmpty() && p.charAt(0) == '*') {
                p = p.substring(1);
                star = true;
            }
            int chunkEnd = chunkEnd(p);
            String chunk = p.substring(0, chunkEnd);
            p = p.substring(chunkEnd);
            if (star && chunk.isEmpty()) {
                // A trailing star matches the rest, unless that crosses a separator.
                return n.indexOf('/') < 0;
            }
            String rest = matchChunk(chunk, n, pattern);
            if (rest != null && (rest.isEmpty() || !p.isEmpty())) {
                n = rest;
                continue;
            }
            if (star) {
                for (int i = 0; i < n.length() && n.charAt(i) != '/'; i++) {
                    rest = matchChunk(chunk, n.substring(i + 1), pattern);
                    if (rest != null) {
                        if (p.isEmpty() && !rest.isEmpty()) {
                            continue;
                        }
                        n = rest;
                        continue outer;
                    }
                }
            }
            // No match: still check the rest of the pattern is well formed.
            while (!p.isEmpty()) {
                while (!p.isEmpty() && p.charAt(0) == '*') {
                    p = p.substring(1);
                }
                int e = chunkEnd(p);
                matchChunk(p.substring(0, e), "", pattern);
                p = p.substring(e);
            }
            return false;
        }
        return n.isEmpty();
    }

    /** Where the next chunk (up to an unescaped '*' outside a class) ends. */
    private static int chunkEnd(String p) {
        boolean inRange = false;
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '\\') {
                if (i + 1 < p.length()) {
                    i++;
                }
            } else if (c == '[') {
                inRange = true;
            } else if (c == ']') {
                inRange = false;
            } else if (c == '*' && !inRange) {
                return i;
            }
        }
        return p.length();
    }

    /**
     * Matches the chunk against the start of s: the rest of s, or null for no match. The chunk is checked
     * for syntax in full even after a mismatch (Go reports a bad pattern regardless of the name).
     */
    private static String matchChunk(String chunk, String s, String pattern) throws BadPatternException {
        boolean failed = false;
        int si = 0;
        int ci = 0;
        while (ci < chunk.length()) {
            if (!failed && si >= s.length()) {
                failed = true;
            }
            char c = chunk.charAt(ci);
            if (c == '[') {
                int r = 0;
                if (!failed) {
                    r = s.codePointAt(si);
                    si += Character.charCount(r);
                }
                ci++;
                boolean negated = false;
                if (ci < chunk.length() && chunk.charAt(ci) == '^') {
                    negated = true;
                    ci++;
                }
                boolean matched = false;
                int ranges = 0;
                while (true) {
                    if (ci < chunk.length() && chunk.charAt(ci) == ']' && ranges > 0) {
                        ci++;
                        break;
                    }
                    int[] lo = escaped(chunk, ci, pattern);
                    ci = lo[1];
                    int hi = lo[0];
                    if (ci < chunk.length() && chunk.charAt(ci) == '-') {
                        int[] h = escaped(chunk, ci + 1, pattern);
                        hi = h[0];
                        ci = h[1];
                    }
                    if (lo[0] <= r && r <= hi) {
                        matched = true;
                    }
                    ranges++;
                }
                if (matched == negated) {
                    failed = true;
                }
            } else if (c == '?') {
                if (!failed) {
                    if (s.charAt(si) == '/') {
                        failed = true;
                    }
                    si += Character.charCount(s.codePointAt(si));
                }
                ci++;
            } else {
                if (c == '\\') {
                    ci++;
                    if (ci >= chunk.length()) {
                        throw new BadPatternException(pattern);
                    }
                    c = chunk.charAt(ci);
                }
                if (!failed) {
                    if (s.charAt(si) != c) {
                        failed = true;
                    }
                    si++;
                }
                ci++;
            }
        }
        return failed ? null : s.substring(si);
    }

    /** One possibly escaped character of a class: {code point, index after it}. */
    private static int[] escaped(String chunk, int i, String pattern) throws BadPatternException {
        if (i >= chunk.length() || chunk.charAt(i) == '-' || chunk.charAt(i) == ']') {
            throw new BadPatternException(pattern);
        }
        if (chunk.charAt(i) == '\\') {
            i++;
            if (i >= chunk.length()) {
                throw new BadPatternException(pattern);
            }
        }
        int cp = chunk.codePointAt(i);
        i += Character.charCount(cp);
        if (i >= chunk.length()) {
            throw new BadPatternException(pattern);
        }
        return new int[] {cp, i};
    }
}
