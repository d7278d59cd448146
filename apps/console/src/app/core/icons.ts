import { inject } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';

import menuIcon from '@material-design-icons/svg/outlined/menu.svg';
import logoutIcon from '@material-design-icons/svg/outlined/logout.svg';
import accountCircleIcon from '@material-design-icons/svg/outlined/account_circle.svg';
import mapIcon from '@material-design-icons/svg/outlined/map.svg';
import uploadFileIcon from '@material-design-icons/svg/outlined/upload_file.svg';
import addIcon from '@material-design-icons/svg/outlined/add.svg';
import editIcon from '@material-design-icons/svg/outlined/edit.svg';
import deleteIcon from '@material-design-icons/svg/outlined/delete.svg';
import groupIcon from '@material-design-icons/svg/outlined/group.svg';
import businessIcon from '@material-design-icons/svg/outlined/business.svg';
import descriptionIcon from '@material-design-icons/svg/outlined/description.svg';
import campaignIcon from '@material-design-icons/svg/outlined/campaign.svg';
import insightsIcon from '@material-design-icons/svg/outlined/insights.svg';
import closeIcon from '@material-design-icons/svg/outlined/close.svg';
import checkCircleIcon from '@material-design-icons/svg/outlined/check_circle.svg';
import errorIcon from '@material-design-icons/svg/outlined/error.svg';
import warningIcon from '@material-design-icons/svg/outlined/warning.svg';
import infoIcon from '@material-design-icons/svg/outlined/info.svg';
import scheduleIcon from '@material-design-icons/svg/outlined/schedule.svg';
import refreshIcon from '@material-design-icons/svg/outlined/refresh.svg';
import playArrowIcon from '@material-design-icons/svg/outlined/play_arrow.svg';
import homeIcon from '@material-design-icons/svg/outlined/home.svg';
import locationOnIcon from '@material-design-icons/svg/outlined/location_on.svg';
import eventIcon from '@material-design-icons/svg/outlined/event.svg';
import barChartIcon from '@material-design-icons/svg/outlined/bar_chart.svg';
import contentPasteIcon from '@material-design-icons/svg/outlined/content_paste.svg';
import monitorHeartIcon from '@material-design-icons/svg/outlined/monitor_heart.svg';
import personAddIcon from '@material-design-icons/svg/outlined/person_add.svg';
import manageAccountsIcon from '@material-design-icons/svg/outlined/manage_accounts.svg';
import blockIcon from '@material-design-icons/svg/outlined/block.svg';
import lockOpenIcon from '@material-design-icons/svg/outlined/lock_open.svg';
import cloudUploadIcon from '@material-design-icons/svg/outlined/cloud_upload.svg';
import openInNewIcon from '@material-design-icons/svg/outlined/open_in_new.svg';
import helpOutlineIcon from '@material-design-icons/svg/outlined/help_outline.svg';
import downloadIcon from '@material-design-icons/svg/outlined/download.svg';
import arrowBackIcon from '@material-design-icons/svg/outlined/arrow_back.svg';
import travelExploreIcon from '@material-design-icons/svg/outlined/travel_explore.svg';

// Material Design icons (Apache License 2.0), inlined at build time from @material-design-icons/svg: the
// console runs offline, so there is no icon font. Use as <mat-icon svgIcon="lbi-map" />.
const ICONS: Readonly<Record<string, string>> = {
  'lbi-menu': menuIcon,
  'lbi-logout': logoutIcon,
  'lbi-account-circle': accountCircleIcon,
  'lbi-map': mapIcon,
  'lbi-upload-file': uploadFileIcon,
  'lbi-add': addIcon,
  'lbi-edit': editIcon,
  'lbi-delete': deleteIcon,
  'lbi-group': groupIcon,
  'lbi-business': businessIcon,
  'lbi-description': descriptionIcon,
  'lbi-campaign': campaignIcon,
  'lbi-insights': insightsIcon,
  'lbi-close': closeIcon,
  'lbi-check-circle': checkCircleIcon,
  'lbi-error': errorIcon,
  'lbi-warning': warningIcon,
  'lbi-info': infoIcon,
  'lbi-schedule': scheduleIcon,
  'lbi-refresh': refreshIcon,
  'lbi-play-arrow': playArrowIcon,
  'lbi-home': homeIcon,
  'lbi-location-on': locationOnIcon,
  'lbi-event': eventIcon,
  'lbi-bar-chart': barChartIcon,
  'lbi-content-paste': contentPasteIcon,
  'lbi-monitor-heart': monitorHeartIcon,
  'lbi-person-add': personAddIcon,
  'lbi-manage-accounts': manageAccountsIcon,
  'lbi-block': blockIcon,
  'lbi-lock-open': lockOpenIcon,
  'lbi-cloud-upload': cloudUploadIcon,
  'lbi-open-in-new': openInNewIcon,
  'lbi-help-outline': helpOutlineIcon,
  'lbi-download': downloadIcon,
  'lbi-arrow-back': arrowBackIcon,
  'lbi-travel-explore': travelExploreIcon,
};

/** Registers the icons above; runs once as an app initializer. */
export function registerIcons(): void {
  const registry = inject(MatIconRegistry);
  const sanitizer = inject(DomSanitizer);
  for (const [name, svg] of Object.entries(ICONS)) {
    registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
  }
}
