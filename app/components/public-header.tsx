/** The header of the public pages: the municipality and the complaint channel's own links, no staff menu. */
export function PublicHeader() {
  return (
    <header>
      <a className="skip-link" href="#main">
        ข้ามไปยังเนื้อหา
      </a>
      <div className="site-header">
        <div className="site-header__bar">
          <a className="site-brand" href="/report">
            <strong>แจ้งเรื่องร้องเรียนการทุจริต</strong>
            <span>เทศบาลนครลำปาง · ช่องทางแยกจากเรื่องร้องเรียนทั่วไป</span>
          </a>
        </div>
      </div>
      <nav className="site-nav public-nav" aria-label="เมนูช่องทางร้องเรียน">
        <ul>
          <li>
            <a href="/report">แจ้งเรื่อง</a>
          </li>
          <li>
            <a href="/report/status">ติดตามเรื่องด้วยรหัส</a>
          </li>
          <li>
            <a href="/report/stats">สถิติเรื่องร้องเรียน</a>
          </li>
        </ul>
      </nav>
    </header>
  );
}
