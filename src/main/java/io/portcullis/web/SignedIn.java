package io.portcullis.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a dashboard resource whose every page needs a dashboard session ({@link SessionFilter} checks it). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface SignedIn {}
