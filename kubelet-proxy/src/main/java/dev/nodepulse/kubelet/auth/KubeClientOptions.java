package dev.nodepulse.kubelet.auth;

import java.time.Duration;

/**
 * How to reach the API server: a kubeconfig file, or (null) the in-cluster service account, with a timeout
 * per call.
 */
public record KubeClientOptions(String kubeconfig, Duration timeout) {}
