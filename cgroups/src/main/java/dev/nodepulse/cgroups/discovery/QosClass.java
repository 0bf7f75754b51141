package dev.nodepulse.cgroups.discovery;

/** Kubernetes QoS classes; guaranteed pods sit directly under the kubepods root. */
public enum QosClass { GUARANTEED, BURSTABLE, BESTEFFORT }
