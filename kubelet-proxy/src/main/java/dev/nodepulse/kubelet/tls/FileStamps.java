package dev.nodepulse.kubelet.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What a set of files looked like (modification time, size, inode) so a reader can tell cheaply, with one
 * stat per file, whether any changed since it last parsed them. Kubernetes updates mounted secrets by
 * swapping a symlink, which changes the inode the path resolves to; that counts as a change too.
 */
public record FileStamps(List<String> stamps) {

    public static FileStamps of(List<Path> paths) {
        List<String> out = new ArrayList<>(paths.size());
        for (Path p : paths) {
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                out.add(p + "|" + a.lastModifiedTime().toInstant() + "|" + a.size() + "|" + a.fileKey());
            } catch (NoSuchFileException e) {
                out.add(p + "|missing");
            } catch (IOException e) {
                out.add(p + "|unreadable:" + e.getMessage());
            }
        }
        return new FileStamps(List.copyOf(out));
    }
}
