from ...toplevel import nothing
