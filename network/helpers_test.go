package network_test

import "github.com/xiber/netos/store"

func storeAll() store.LinkFilter { return store.LinkFilter{} }
