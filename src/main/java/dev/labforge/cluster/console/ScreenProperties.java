package dev.labforge.cluster.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param viewerBuffer output queued for one viewer of a shared VNC screen at most: a whole Raw frame of a 1280x800
 *                     screen at 32 bits a pixel is 4 MB, so a serial console's bound would close every viewer on the
 *                     first frame; a watcher further behind than this is closed (4005), and the driver holds the
 *                     node back once half of it waits
 */
@ConfigurationProperties("labforge.console.vnc")
record ScreenProperties(@DefaultValue("8MB") DataSize viewerBuffer) {
}
