package dev.nodepulse.kubelet.serve;

import dev.nodepulse.kubelet.auth.KubeClientOptions;
import java.time.Duration;
import java.util.function.Predicate;

/**
 * Kubelet-style delegated auth for some paths: bearer tokens via TokenReview, client certificates against
 * {@code clientCaFile} (optional), SubjectAccessReview on this node's {@code nodes/<subresource>}.
 */
public record KubeAuthOptions(String nodeName, KubeClientOptions client, java.nio.file.Path clientCaFile,
        Duration tokenCacheTtl, Duration allowedCacheTtl, Duration deniedCacheTtl, Predicate<String> protectedPath) {}
