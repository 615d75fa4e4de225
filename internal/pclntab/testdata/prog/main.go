// Command prog exercises what a stripped function table must still serve:
// stack growth and copying, the garbage collector scanning goroutine
// stacks, defers, panics and recover, reflection by method name. It
// prints results the test compares between the plain and the stripped
// binary; lines starting "caller:" show what stripping removes.
package main

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"sync"
)

type node struct {
	next *node
	val  int
}

// deep recurses n levels holding a pointer in every frame, so the stack
// grows and is copied many times, and collects at the bottom.
func deep(n int, l *node) int {
	if n == 0 {
		runtime.GC()
		s := 0
		for ; l != nil; l = l.next {
			s += l.val
		}
		return s
	}
	var buf [16]int
	buf[n%16] = n
	return deep(n-1, &node{next: l, val: buf[n%16]})
}

type greeter struct{ name string }

func (g greeter) Greet(p string) string { return p + ", " + g.name }

func recovered() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	var m map[string]int
	m["x"] = 1 // a runtime error
	return nil
}

func deferred() (out []string) {
	for i := range 3 {
		defer func() { out = append(out, fmt.Sprint(i)) }()
	}
	return nil
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == "panic" {
		panic(errors.New("boom"))
	}
	var wg sync.WaitGroup
	sums := make([]int, 4)
	for g := range sums {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[g] = deep(2000+g*500, nil)
		}()
	}
	wg.Wait()
	fmt.Println("sums:", sums)
	fmt.Println(recovered())
	fmt.Println("deferred:", strings.Join(deferred(), ","))
	v := reflect.ValueOf(greeter{"Bali"}).MethodByName("Greet").Call([]reflect.Value{reflect.ValueOf("hello")})
	fmt.Println("reflect:", v[0].String(), reflect.TypeOf(greeter{}).String())
	pc, file, line, _ := runtime.Caller(0)
	fmt.Printf("caller: %q %q %d\n", runtime.FuncForPC(pc).Name(), file, line)
}
