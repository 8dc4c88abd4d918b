/**
 * Where the {@code file} and {@code s3} destinations put their bytes: one object at a time,
 * invisible until complete, so that no reader ever sees half of one.
 */
package dev.sluice.files.store;
