//! `match` statements (filled in below).

use super::*;
use rython_parser::ast::MatchCase;

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(
        &mut self,
        s: &'a Stmt,
        _subject: &'a Expr,
        _cases: &'a [MatchCase],
    ) -> R {
        self.error("match statements are not supported yet", loc_of(s.loc))
    }
}
