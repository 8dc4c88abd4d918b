/**
 * The {@code file} and {@code s3} destinations: rows of each table written as Parquet, JSON Lines
 * or CSV objects, each complete or absent, named so that writing the same pages again replaces
 * an object instead of adding a copy.
 */
package dev.sluice.files;
