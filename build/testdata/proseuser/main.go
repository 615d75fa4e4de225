// Command proseuser imports prose: the build must refuse it. The build's
// tests only list its packages; nothing compiles it.
package main

import _ "github.com/jdkato/prose/v2"

func main() {}
