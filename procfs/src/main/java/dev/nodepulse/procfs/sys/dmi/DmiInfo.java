package dev.nodepulse.procfs.sys.dmi;

import java.util.Map;

/**
 * The readable attributes of /sys/class/dmi/id by file name ("bios_date", "sys_vendor", ...). Files only
 * root may read (serial numbers, product_uuid) are absent when read without root.
 */
public record DmiInfo(Map<String, String> attributes) {}
