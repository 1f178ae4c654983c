/**
 * Tests of what ships beside the code to deploy it: the Helm chart in {@code helm/labforge}, the container
 * image's build settings and {@code docker-compose.yml}. There is no main code here.
 */
package dev.labforge.deploy;
