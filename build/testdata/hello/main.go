// Command hello is the smallest program the build compiles to wasm in its
// tests.
package main

func main() {}
