package dev.nodepulse.deploy;

/** Paths inside the image (Dockerfile). */
final class ImagePaths {

    static final String AGENT_LAUNCHER = "/opt/nodepulse/bin/nodepulse-agent";

    private ImagePaths() {}
}
