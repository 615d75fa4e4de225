package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/chromedp/chromedp"
)

// InstallHint says how to get the browser the tests need.
const InstallHint = "install it with: apt-get update && apt-get install -y chromium (or set WHOSAID_CHROMIUM to a Chrome binary)"

// Chromium finds Debian's chromium, or the binary WHOSAID_CHROMIUM names.
func Chromium() (string, error) {
	if p := os.Getenv("WHOSAID_CHROMIUM"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("chromium not found at %s (WHOSAID_CHROMIUM): %s", p, InstallHint)
		}
		return p, nil
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium not found at /usr/bin/chromium: " + InstallHint)
}

// StartBrowser starts a headless chromium with opts added to the common
// flags and returns the context of its first tab, which keeps it alive:
// new tabs are chromedp.NewContext of it. c stops the browser.
func StartBrowser(c *Cleanup, opts ...chromedp.ExecAllocatorOption) (context.Context, error) {
	path, err := Chromium()
	if err != nil {
		return nil, err
	}
	all := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		// No UserDataDir: chromedp makes a fresh profile directory and
		// removes it once chromium has exited.
		chromedp.Headless,
		chromedp.NoSandbox, // the tests run as root
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.WindowSize(1280, 900),
		// The machine's network is closed: keep chromium from calling home.
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-features", "AutofillServerCommunication,Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider"),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("mute-audio", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(all, opts...)...)
	c.Add(cancelAlloc)
	browser, cancelBrowser := chromedp.NewContext(alloc)
	c.Add(cancelBrowser)
	// The first Run starts the browser, which lives as long as the context
	// given to it: so no timeout here.
	if err := chromedp.Run(browser); err != nil {
		return nil, fmt.Errorf("starting %s: %w (%s)", path, err, InstallHint)
	}
	return browser, nil
}
