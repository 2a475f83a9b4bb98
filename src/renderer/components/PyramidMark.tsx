/** The app's mark: three stacked bands of a pyramid. Decorative. */
export function PyramidMark({ className }: { readonly className?: string }) {
  return (
    <svg className={className} viewBox="0 0 32 28" width="32" height="28" aria-hidden="true" focusable="false">
      <path d="M12.2 0h7.6l3.4 8H8.8z" className="mark-top" />
      <path d="M8 10h16l3.4 8H4.6z" className="mark-mid" />
      <path d="M3.8 20h24.4l3.4 8H.4z" className="mark-base" />
    </svg>
  );
}
