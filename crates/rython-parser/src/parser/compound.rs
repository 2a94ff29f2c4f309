//! Compound statements and blocks: `if`, `while`, `for`, `with`, `try`,
//! function and class definitions, decorators and type parameters.

use super::{end_of, loc, start_of, PResult, Parser};
use crate::ast::*;
use crate::perr::PErr;
use crate::tokenizer::{Pos, TokenKind};

impl<'a> Parser<'a> {
    /// A block after `:`: either an indented suite or simple statements on
    /// the same line. `what` names the statement for the IndentationError.
    pub fn block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        let mut body = Vec::new();
        if self.kind() == TokenKind::Newline {
            self.bump();
            if self.kind() != TokenKind::Indent {
                let t = self.tok().clone();
                let mut e = self.err_at_token(
                    format!("expected an indented block after {} on line {}", what, line),
                    &t,
                );
                e.kind = crate::error::SyntaxErrorKind::IndentationError;
                return Err(e);
            }
            self.bump();
            while !matches!(self.kind(), TokenKind::Dedent | TokenKind::EndMarker) {
                self.statement(&mut body)?;
            }
            if self.kind() == TokenKind::Dedent {
                self.bump();
            }
            return Ok(body);
        }
        if self.kind() == TokenKind::EndMarker {
            return Err(self.invalid_syntax());
        }
        self.simple_stmts(&mut body)?;
        Ok(body)
    }

    pub(crate) fn colon_block(&mut self, what: &str, line: u32) -> PResult<Vec<Stmt>> {
        if !self.at_op(":") {
            let forced = matches!(
                what,
                "function definition"
                    | "'try' statement"
                    | "'finally' statement"
                    | "'else' statement"
            );
            return Err(self.expected_colon(forced));
        }
        self.bump();
        self.enter()?;
        let r = self.block(what, line);
        self.leave();
        r
    }

    pub(crate) fn if_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.named_expression()?;
        let body = self.colon_block("'if' statement", start.line)?;
        let orelse = self.elif_else()?;
        Ok(self.mk_stmt(
            StmtKind::If {
                test: Box::new(test),
                body,
                orelse,
            },
            start,
        ))
    }

    /// `elif` chains are built iteratively (CPython accepts thousands).
    pub(crate) fn elif_else(&mut self) -> PResult<Vec<Stmt>> {
        let mut chain = Vec::new();
        while self.at_kw("elif") {
            let start = self.start();
            self.bump();
            let test = self.named_expression()?;
            let body = self.colon_block("'elif' statement", start.line)?;
            chain.push((start, test, body));
        }
        let mut orelse = self.else_block()?;
        while let Some((start, test, body)) = chain.pop() {
            orelse = vec![self.mk_stmt(
                StmtKind::If {
                    test: Box::new(test),
                    body,
                    orelse,
                },
                start,
            )];
        }
        Ok(orelse)
    }

    pub(crate) fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.at_kw("else") {
            let line = self.start().line;
            self.bump();
            return self.colon_block("'else' statement", line);
        }
        Ok(Vec::new())
    }

    pub(crate) fn while_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let test = self.named_expression()?;
        let body = self.colon_block("'while' statement", start.line)?;
        let orelse = self.else_block()?;
        Ok(self.mk_stmt(
            StmtKind::While {
                test: Box::new(test),
                body,
                orelse,
            },
            start,
        ))
    }

    pub(crate) fn for_stmt(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
        let start = async_start.unwrap_or(self.start());
        let line = self.start().line;
        self.bump();
        let from = self.pos;
        let target = match self.star_targets_for() {
            Ok(t) if self.at_kw("in") => t,
            r => {
                // CPython's invalid_for_target reads the rest as
                // star_expressions (`a in b` being a comparison).
                let e = match r {
                    Err(e) if e.msg.starts_with("cannot assign to") => return Err(e),
                    Err(e) => e,
                    Ok(_) => self.invalid_syntax(),
                };
                return Err(self
                    .invalid_target_from(from, super::target::TargetKind::For)
                    .unwrap_or(e));
            }
        };
        self.expect_kw("in")?;
        let iter = self.star_expressions()?;
        let body = self.colon_block("'for' statement", line)?;
        let orelse = self.else_block()?;
        Ok(self.mk_stmt(
            StmtKind::For {
                target: Box::new(target),
                iter: Box::new(iter),
                body,
                orelse,
                is_async: async_start.is_some(),
            },
            start,
        ))
    }

    pub(crate) fn with_stmt(&mut self, async_start: Option<Pos>) -> PResult<Stmt> {
        let start = async_start.unwrap_or(self.start());
        let line = self.start().line;
        self.bump();
        let items = self.with_items()?;
        let body = self.colon_block("'with' statement", line)?;
        Ok(self.mk_stmt(
            StmtKind::With {
                items,
                body,
                is_async: async_start.is_some(),
            },
            start,
        ))
    }

    pub(crate) fn with_items(&mut self) -> PResult<Vec<WithItem>> {
        // `with (a, b):` is ambiguous: try the parenthesised item list first
        // and fall back to an ordinary expression.
        if self.at_op("(") {
            let save = (self.pos, self.prev_end);
            let open = self.start();
            self.bump();
            let attempt = (|| -> PResult<Vec<WithItem>> {
                let mut items = Vec::new();
                loop {
                    items.push(self.with_item()?);
                    if !self.eat_op(",") || self.at_op(")") {
                        break;
                    }
                }
                self.expect_closing(")", open)?;
                if !self.at_op(":") && self.kind() != TokenKind::Newline {
                    return Err(self.invalid_syntax());
                }
                Ok(items)
            })();
            match attempt {
                Ok(items) => return Ok(items),
                // A bad `as` target is reported from here, as CPython's
                // error pass does.
                Err(e) if e.msg.starts_with("cannot assign to") => return Err(e),
                Err(_) => {
                    self.pos = save.0;
                    self.prev_end = save.1;
                }
            }
        }
        let mut items = Vec::new();
        loop {
            items.push(self.with_item()?);
            if !self.eat_op(",") {
                break;
            }
        }
        Ok(items)
    }

    pub(crate) fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.expression()?;
        let optional_vars = if self.eat_kw("as") {
            let from = self.pos;
            match self.star_target_single() {
                Ok(t) => Some(Box::new(t)),
                Err(e) => {
                    // CPython's invalid_with_item: `expression 'as'
                    // expression &(',' | ')' | ':')` reports its target.
                    return Err(self.with_target_error(from).unwrap_or(e));
                }
            }
        } else {
            None
        };
        Ok(WithItem {
            context_expr,
            optional_vars,
        })
    }

    /// The invalid-target error of an `expression` after `as` that ends
    /// the with item (look-ahead from token `from`).
    fn with_target_error(&mut self, from: usize) -> Option<PErr> {
        let save = (self.pos, self.prev_end);
        let seen = self.max_seen.get();
        self.pos = from;
        let r = self.expression();
        let ends = self.at_op(",") || self.at_op(")") || self.at_op(":");
        self.pos = save.0;
        self.prev_end = save.1;
        self.max_seen.set(seen);
        let e = r.ok().filter(|_| ends)?;
        self.to_store(e).err()
    }

    /// `star_target` after `as`.
    pub(crate) fn star_target_single(&mut self) -> PResult<Expr> {
        let e = if self.at_op("*") {
            let start = self.start();
            self.bump();
            let v = self.bitwise_or()?;
            self.mk_expr(
                ExprKind::Starred {
                    value: Box::new(v),
                    ctx: ExprContext::Load,
                },
                start,
            )
        } else {
            self.bitwise_or()?
        };
        if !(self.at_op(",")
            || self.at_op(")")
            || self.at_op(":")
            || self.kind() == TokenKind::Newline)
        {
            return Err(self.invalid_syntax());
        }
        self.to_store(e)
    }

    pub(crate) fn try_stmt(&mut self) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let body = self.colon_block("'try' statement", start.line)?;
        let mut handlers = Vec::new();
        let mut is_star = None;
        while self.at_kw("except") {
            let hs = self.start();
            self.bump();
            let star = self.eat_op("*");
            if star && self.at_op(":") {
                let t = self.tok().clone();
                return Err(self.err_at_token("expected one or more exception types", &t));
            }
            if let Some(prev) = is_star {
                if prev != star {
                    return Err(PErr::syntax(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        hs,
                        self.prev_end,
                    ));
                }
            }
            is_star = Some(star);
            let mut type_ = None;
            let mut name = None;
            if self.kind() == TokenKind::Newline {
                return Err(self.expected_colon(true));
            }
            if !self.at_op(":") {
                let e = self.expression()?;
                let e = if self.at_op(",") {
                    let s = start_of(&e.loc);
                    let mut elts = vec![e];
                    while self.eat_op(",") {
                        if self.at_op(":") || self.at_kw("as") {
                            break;
                        }
                        elts.push(self.expression()?);
                    }
                    let mut end = end_of(&elts.last().unwrap().loc);
                    if self.eat_kw("as") && self.at_name() {
                        end = self.tok().end;
                    }
                    return Err(PErr::syntax(
                        "multiple exception types must be parenthesized",
                        s,
                        end,
                    ));
                } else {
                    e
                };
                type_ = Some(Box::new(e));
                if self.eat_kw("as") {
                    name = Some(self.name()?.0);
                }
            } else if star {
                let t = self.tok().clone();
                return Err(self.err_at_token("expected one or more exception types", &t));
            }
            let what = if star {
                "'except*' statement"
            } else {
                "'except' statement"
            };
            let hbody = self.colon_block(what, hs.line)?;
            handlers.push(ExceptHandler {
                type_,
                name,
                body: hbody,
                loc: loc(hs, self.prev_end),
            });
        }
        let orelse = if !handlers.is_empty() {
            self.else_block()?
        } else {
            Vec::new()
        };
        let mut finalbody = Vec::new();
        if self.at_kw("finally") {
            let line = self.start().line;
            self.bump();
            finalbody = self.colon_block("'finally' statement", line)?;
        }
        if handlers.is_empty() && finalbody.is_empty() {
            let t = self.tok().clone();
            return Err(self.err_at_token("expected 'except' or 'finally' block", &t));
        }
        Ok(self.mk_stmt(
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star: is_star.unwrap_or(false),
            },
            start,
        ))
    }

    pub(crate) fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat_op("@") {
            decorators.push(self.named_expression()?);
            if self.kind() != TokenKind::Newline {
                return Err(self.invalid_syntax());
            }
            self.bump();
        }
        if self.at_kw("def") {
            return self.funcdef(decorators, None);
        }
        if self.at_kw("class") {
            return self.classdef(decorators, None);
        }
        if self.at_kw("async") && self.nth(1).text == "def" {
            let s = self.start();
            self.bump();
            return self.funcdef(decorators, Some(s));
        }
        Err(self.invalid_syntax())
    }

    pub(crate) fn funcdef(
        &mut self,
        decorator_list: Vec<Expr>,
        async_start: Option<Pos>,
    ) -> PResult<Stmt> {
        let start = async_start.unwrap_or(self.start());
        let line = self.start().line;
        self.bump();
        let (name, _) = self.name()?;
        let type_params = if self.at_op("[") {
            let bracket = self.tok().clone();
            // Type parameters are optional in the grammar, so a broken list
            // leaves CPython expecting the `(`.
            self.type_params().map_err(|e| {
                if e.msg == "invalid syntax" {
                    self.err_at_token("expected '('", &bracket)
                } else {
                    e
                }
            })?
        } else {
            Vec::new()
        };
        let open = self.start();
        if !self.at_op("(") {
            let t = self.tok().clone();
            return Err(self.err_at_token("expected '('", &t));
        }
        self.bump();
        let args = self.parameters(false)?;
        self.expect_closing(")", open)?;
        if self.at_op("->")
            && !matches!(
                self.nth(1).kind,
                TokenKind::Name | TokenKind::Number | TokenKind::String | TokenKind::FStringStart
            )
            && !self
                .nth(1)
                .text
                .starts_with(['(', '[', '{', '-', '+', '~', '.', '*'])
        {
            let t = self.tok().clone();
            return Err(self.err_at_token("expected ':'", &t));
        }
        let returns = if self.eat_op("->") {
            Some(Box::new(self.expression()?))
        } else {
            None
        };
        let body = self.colon_block("function definition", line)?;
        Ok(self.mk_stmt(
            StmtKind::FunctionDef(Box::new(FunctionDef {
                name,
                args: Box::new(args),
                body,
                decorator_list,
                returns,
                type_params,
                is_async: async_start.is_some(),
            })),
            start,
        ))
    }

    pub(crate) fn classdef(&mut self, decorator_list: Vec<Expr>, _a: Option<Pos>) -> PResult<Stmt> {
        let start = self.start();
        self.bump();
        let (name, _) = self.name()?;
        let type_params = if self.at_op("[") {
            self.type_params()?
        } else {
            Vec::new()
        };
        let (bases, keywords) = if self.at_op("(") {
            self.class_args()?
        } else {
            (Vec::new(), Vec::new())
        };
        let body = self.colon_block("class definition", start.line)?;
        Ok(self.mk_stmt(
            StmtKind::ClassDef(Box::new(ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
                type_params,
            })),
            start,
        ))
    }

    pub(crate) fn class_args(&mut self) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        // Reuse call-argument parsing through a dummy primary.
        let start = self.start();
        let dummy = Expr {
            node: ExprKind::Constant {
                value: Constant::None,
                kind: None,
            },
            loc: loc(start, start),
        };
        let _ = dummy;
        let call = self.call_args_impl(false)?;
        Ok(call)
    }

    pub(crate) fn type_params(&mut self) -> PResult<Vec<TypeParam>> {
        let open = self.start();
        self.bump();
        let mut params = Vec::new();
        if self.at_op("]") {
            let t = self.tok().clone();
            // CPython's spans differ between `def`/`class` and `type`.
            let end = if self.nth(1).text == "=" {
                self.nth(1).start
            } else {
                t.start
            };
            return Err(PErr::syntax(
                "Type parameter list cannot be empty",
                t.start,
                end,
            ));
        }
        loop {
            let start = self.start();
            let node = if self.eat_op("*") {
                let (name, _) = self.name()?;
                self.no_bound("TypeVarTuple")?;
                let default_value = self.type_param_default(true)?;
                TypeParamKind::TypeVarTuple {
                    name,
                    default_value,
                }
            } else if self.eat_op("**") {
                let (name, _) = self.name()?;
                self.no_bound("ParamSpec")?;
                let default_value = self.type_param_default(false)?;
                TypeParamKind::ParamSpec {
                    name,
                    default_value,
                }
            } else {
                let (name, _) = self.name()?;
                let bound = if self.eat_op(":") {
                    Some(Box::new(self.expression()?))
                } else {
                    None
                };
                let default_value = self.type_param_default(false)?;
                TypeParamKind::TypeVar {
                    name,
                    bound,
                    default_value,
                }
            };
            params.push(TypeParam {
                node,
                loc: loc(start, self.prev_end),
            });
            if !self.eat_op(",") || self.at_op("]") {
                break;
            }
        }
        self.expect_closing("]", open)?;
        Ok(params)
    }

    /// `*Ts: int` / `**P: int` are errors with their own message.
    pub(crate) fn no_bound(&mut self, kind: &str) -> PResult<()> {
        if self.at_op(":") {
            let colon = self.bump();
            let e = self.expression()?;
            let what = if matches!(e.node, ExprKind::Tuple { .. })
                && self.toks[self.pos - 1].text == ")"
            {
                "constraints"
            } else {
                "bound"
            };
            return Err(PErr::syntax(
                format!("cannot use {} with {}", what, kind),
                colon.start,
                self.prev_end,
            ));
        }
        Ok(())
    }

    pub(crate) fn type_param_default(&mut self, star: bool) -> PResult<Option<Box<Expr>>> {
        if !self.eat_op("=") {
            return Ok(None);
        }
        let e = if star {
            self.star_expression()?
        } else {
            self.expression()?
        };
        Ok(Some(Box::new(e)))
    }
}
