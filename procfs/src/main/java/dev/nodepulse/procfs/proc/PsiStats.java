package dev.nodepulse.procfs.proc;

import java.util.Optional;

/**
 * /proc/pressure/&lt;resource&gt;: "some" (at least one task stalled) and "full" (all non-idle tasks stalled).
 * The cpu file has no "full" line before Linux 5.13, and irq has only "full".
 */
public record PsiStats(Optional<PsiLine> some, Optional<PsiLine> full) {}
