// Command gen rewrites graph/playground/assets from the npm packages pinned
// in package.json and package-lock.json beside it. It is meant to be run by
// go generate, which starts it in graph/playground:
//
//	go generate ./graph/playground/
//
// gen runs `npm ci` in a temporary directory, so node_modules never appears
// in the work tree, and then replaces the assets directory with the browser
// bundles the playground page loads, copied byte for byte, plus
// LICENSES.txt with the license texts of the packages they come from. As
// npm ci checks every tarball against the integrity hash in the lock file,
// running gen again reproduces the same files.
package main
