/**
 * Quotas: limits per user and per team on labs, running nodes, vCPUs and memory, checked where
 * resources are committed. Usage is computed, never counted: modules that hold resources report
 * them through {@link dev.labforge.quota.UsageMeter}, and a per-owner database lock makes check
 * and commit one step, so concurrent requests cannot overshoot a limit.
 */
package dev.labforge.quota;
