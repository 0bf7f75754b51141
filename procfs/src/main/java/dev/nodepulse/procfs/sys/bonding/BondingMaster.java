package dev.nodepulse.procfs.sys.bonding;

/** A bonding master and how many of its slaves there are and how many report MII status "up". */
public record BondingMaster(String name, int slaves, int activeSlaves) {}
