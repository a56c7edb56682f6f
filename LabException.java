package org.dnstracer.lab;
public class LabException extends Exception { }
