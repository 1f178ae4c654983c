package dev.labforge.cluster.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param ticketLifetime    how long a console ticket may wait to be redeemed: long enough for a browser to
 *                          open the socket right after asking, short enough that a leaked URL is useless
 * @param scrollback        how much of a node's recent output a joining viewer sees first: about a screenful
 * @param viewerBuffer      output queued for one viewer at most; a viewer that falls further behind is closed
 *                          rather than making the service hold an unbounded backlog for it
 * @param maxFrame          the largest message a viewer may send; keystrokes and RFB input are small
 * @param maxViewersPerNode viewers one node's console takes at once (a class watching a demonstration)
 * @param idleTimeout       a console nobody typed into for this long is closed
 * @param inputBuffer       input sent to a node's console on a real cluster but not yet written out: past it,
 *                          LabForge stops reading the typist's socket until the console takes more
 * @param inputStall        how long a typist's socket may wait so before it is closed
 * @param maxSessionsPerUser console sockets one user may hold open at once (serial and VNC, any lab, all replicas
 *                          together): a student needs a few, a script that leaks them is stopped
 * @param transcriptLimit   the most one console session's transcript keeps (output and keystrokes together), where
 *                          transcripts are switched on for the lab or its course; past it, the rest is not kept
 *                          and the transcript says it was cut
 * @param transcriptRetention how long a transcript is kept after its session ended; older ones are deleted
 * @param transcriptFlush   how often a transcript's buffered bytes are written to the database: batched appends, not
 *                          a row per keystroke
 * @param accessCheck       how often an open console asks again whether its viewers may still operate the
 *                          lab (token revoked, grant removed, lab destroyed): the longest it outlives that
 */
@ConfigurationProperties("labforge.console")
record ConsoleProperties(@DefaultValue("30s") Duration ticketLifetime,
                         @DefaultValue("16KB") DataSize scrollback,
                         @DefaultValue("256KB") DataSize viewerBuffer,
                         @DefaultValue("64KB") DataSize maxFrame,
                         @DefaultValue("16") int maxViewersPerNode,
                         @DefaultValue("30m") Duration idleTimeout,
                         @DefaultValue("64KB") DataSize inputBuffer,
                         @DefaultValue("10s") Duration inputStall,
                         @DefaultValue("2s") Duration accessCheck,
                         @DefaultValue("8") int maxSessionsPerUser,
                         @DefaultValue("1MB") DataSize transcriptLimit,
                         @DefaultValue("30d") Duration transcriptRetention,
                         @DefaultValue("1s") Duration transcriptFlush) {
}
