//! Codes read back from the database. Each code set is an enum whose one
//! string form is derived by `strum` (`EnumString`, `IntoStaticStr`); rows
//! read it as a plain `FromRow` field, decoded by `stored_as_code!`. A code
//! that no variant has (a row
//! written by a newer version, a hand edit) is a decode error, so the row is
//! not read: never a silent default that would show a withdrawn offer as a
//! draft or a cancelled seat as taken.

/// The value `parse` finds for `code`, or a decode error naming the code.
#[cfg(feature = "ssr")]
pub fn decode<T>(code: &str, parse: impl FnOnce(&str) -> Option<T>) -> Result<T, sqlx::Error> {
    parse(code).ok_or_else(|| sqlx::Error::Decode(format!("unknown code {code:?}").into()))
}

/// A code that no variant has, named in the error (and so in the log).
#[derive(Debug, PartialEq, Eq)]
pub struct UnknownCode(pub String);

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "unknown code {:?}", self.0)
    }
}

impl std::error::Error for UnknownCode {}

/// `code()` and `from_code()` for a code enum, and reading and writing it as a text column: `FromRow` fields of the enum's
/// type need no attribute, and a code that no variant has is a decode error
/// naming the code. (sqlx's own `try_from` attribute loses the error's words
/// in the generic `FromRow`, hence these few lines.)
#[macro_export]
macro_rules! stored_as_code {
    ($($code:ty),* $(,)?) => {$(
        impl $code {
            /// The code as stored and in addresses (strum's one string form).
            pub fn code(self) -> &'static str {
                self.into()
            }

            /// The variant of a code, if there is one.
            pub fn from_code(code: &str) -> Option<Self> {
                code.parse().ok()
            }
        }

        #[cfg(feature = "ssr")]
        impl sqlx::Type<sqlx::Any> for $code {
            fn type_info() -> sqlx::any::AnyTypeInfo {
                <String as sqlx::Type<sqlx::Any>>::type_info()
            }
            fn compatible(ty: &sqlx::any::AnyTypeInfo) -> bool {
                <String as sqlx::Type<sqlx::Any>>::compatible(ty)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'q> sqlx::Encode<'q, sqlx::Any> for $code {
            fn encode_by_ref(
                &self,
                buf: &mut <sqlx::Any as sqlx::Database>::ArgumentBuffer<'q>,
            ) -> Result<sqlx::encode::IsNull, sqlx::error::BoxDynError> {
                let code: &'q str = self.code();
                <&str as sqlx::Encode<'q, sqlx::Any>>::encode_by_ref(&code, buf)
            }
        }

        #[cfg(feature = "ssr")]
        impl<'r> sqlx::Decode<'r, sqlx::Any> for $code {
            fn decode(value: sqlx::any::AnyValueRef<'r>) -> Result<Self, sqlx::error::BoxDynError> {
                let code = <String as sqlx::Decode<sqlx::Any>>::decode(value)?;
                code.parse()
                    .map_err(|_| $crate::kernel::codes::UnknownCode(code).into())
            }
        }
    )*};
}

/// A small closed code set with its labels, written once: the enum (its code
/// is strum's one string form, serde's too, and how it is stored, through
/// `stored_as_code!`) and the `(code, label)` table that lists, labels and
/// checks it in forms, filters and facets.
#[macro_export]
macro_rules! code_list {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident in $table:ident {
            $($(#[$vmeta:meta])* $variant:ident = $code:literal => $ns:ident . $key:ident),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash,
            serde::Serialize, serde::Deserialize,
            strum::EnumString, strum::IntoStaticStr,
        )]
        $vis enum $name {
            $($(#[$vmeta])* #[strum(serialize = $code)] #[serde(rename = $code)] $variant),+
        }

        $crate::stored_as_code!($name);

        /// The codes in the order forms and filters list them, with their labels.
        $vis const $table: [(&str, $crate::kernel::labels::Label); [$($code),+].len()] =
            [$(($code, |l| $crate::i18n::td_string!(l, $ns.$key))),+];

        impl $name {
            /// The code's words in the interface's languages.
            pub fn label(self) -> $crate::kernel::labels::Label {
                match self {
                    $(Self::$variant => |l| $crate::i18n::td_string!(l, $ns.$key)),+
                }
            }
        }
    };
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::decode;
    use crate::kernel::access::domain::Role;

    #[test]
    fn an_unknown_code_is_an_error_not_a_default() {
        let parse = |code: &str| (code == "pubblicata").then_some(1);
        assert_eq!(decode("pubblicata", parse).unwrap(), 1);
        let error = decode("pubblicatta", parse).unwrap_err();
        assert!(error.to_string().contains("pubblicatta"), "{error}");
    }

    #[test]
    fn a_code_reads_back_into_its_variant_and_nothing_else() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
        }
        assert_eq!(Role::from_code("Cittadino"), None);
        assert_eq!(Role::from_code(""), None);
    }
}
