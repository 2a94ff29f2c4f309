NAME = "namespace package module"
