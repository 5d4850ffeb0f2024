package lease_test

import (
	"testing"

	"github.com/backcare/backcare/internal/lease"
	"github.com/backcare/backcare/internal/lease/leasetest"
)

func TestMemory(t *testing.T) { leasetest.Contract(t, lease.NewMemory()) }
